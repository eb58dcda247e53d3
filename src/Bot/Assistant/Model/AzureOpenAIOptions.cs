namespace Bot.Assistant.Model;

/// <summary>
/// The Azure OpenAI deployment behind free-form answers. Unset (the default), everything is
/// answered offline; the key comes from the environment or user secrets, never a committed file.
/// </summary>
public sealed class AzureOpenAIOptions
{
    public const string Section = "AzureOpenAI";

    /// <summary>The v1 endpoint: https://&lt;resource&gt;.openai.azure.com/openai/v1/</summary>
    public Uri? Endpoint { get; set; }

    public string ApiKey { get; set; } = "";

    public string Deployment { get; set; } = "";

    /// <summary>How long a commune waits before the offline answer is given instead.</summary>
    public double TimeoutSeconds { get; set; } = 8;

    public int MaxOutputTokens { get; set; } = 400;

    public bool IsConfigured => Endpoint is { IsAbsoluteUri: true } && ApiKey.Length > 0 && Deployment.Length > 0;
}
