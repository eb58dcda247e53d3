namespace Bot.Assistant.Model;

/// <summary>
/// The Azure OpenAI deployment behind free-form answers. Unset (the default), everything is
/// answered offline. Either a key (from the environment or user secrets, never a committed file)
/// or, with <see cref="UseEntraId"/>, no key at all: Microsoft Entra tokens from
/// DefaultAzureCredential (the managed identity in Azure; environment, workload identity or a
/// developer's sign-in elsewhere).
/// </summary>
public sealed class AzureOpenAIOptions
{
    public const string Section = "AzureOpenAI";

    /// <summary>The v1 endpoint: https://&lt;resource&gt;.openai.azure.com/openai/v1/</summary>
    public Uri? Endpoint { get; set; }

    public string ApiKey { get; set; } = "";

    /// <summary>Authenticate with Microsoft Entra tokens instead of <see cref="ApiKey"/>, which is then not needed.</summary>
    public bool UseEntraId { get; set; }

    /// <summary>What Entra tokens for Azure OpenAI are asked for.</summary>
    public const string EntraScope = "https://cognitiveservices.azure.com/.default";

    public string Deployment { get; set; } = "";

    /// <summary>How long a commune waits before the offline answer is given instead.</summary>
    public double TimeoutSeconds { get; set; } = 8;

    public int MaxOutputTokens { get; set; } = 400;

    public bool IsConfigured => Endpoint is { IsAbsoluteUri: true } && (UseEntraId || ApiKey.Length > 0) && Deployment.Length > 0;
}
