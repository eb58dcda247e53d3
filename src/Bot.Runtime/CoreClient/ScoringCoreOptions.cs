namespace Bot.CoreClient;

/// <summary>Configuration section "ScoringCore": where the bot sends completed forms.</summary>
public sealed class ScoringCoreOptions
{
    public const string Section = "ScoringCore";

    public Uri? BaseUrl { get; set; }

    /// <summary>Sent as X-Api-Key. A secret: from environment or user secrets, never committed.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// How long a turn (or the invitations API) waits for the core before telling the person it is unavailable: a
    /// channel waits about 15 s for a turn, and HttpClient's own 100 s would leave them without an answer. The outbox's
    /// deliveries have their own timeouts (docs/decisions/019).
    /// </summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Reads sent to the core at once when one answer needs a commune's worth of them (an export, a ranking): a
    /// province has a few hundred communes and the core answers each in a few milliseconds.
    /// </summary>
    public int ReadsAtOnce { get; set; } = 8;
}
