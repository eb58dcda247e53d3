namespace Bot.CoreClient;

/// <summary>Configuration section "ScoringCore": where the bot sends completed forms.</summary>
public sealed class ScoringCoreOptions
{
    public const string Section = "ScoringCore";

    public Uri? BaseUrl { get; set; }

    /// <summary>Sent as X-Api-Key. A secret: from environment or user secrets, never committed.</summary>
    public string ApiKey { get; set; } = "";
}
