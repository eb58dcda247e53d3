namespace Bot.Channels.BotFramework.Auth;

/// <summary>Who may sign the tokens on /api/messages, and which metadata holds each one's keys (botbuilder-dotnet's validations).</summary>
public enum TokenSource
{
    Unknown,
    Channel,
    Government,
    Emulator,
}

public static class TokenIssuers
{
    public const string Channel = "https://api.botframework.com";
    public const string Government = "https://api.botframework.us";

    // The Entra issuers of the Bot Framework's own tenants, whose tokens the Emulator (and skills) present.
    private static readonly HashSet<string> EmulatorIssuers =
        [.. new[] { "d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a", "cab8a31a-1906-4287-a0d8-4eef66b95f6e" }.SelectMany(IssuersOf)];

    /// <summary>Routes a token by its (not yet verified) issuer; an issuer not listed is refused before any key work.</summary>
    public static TokenSource Classify(string? issuer, string? tenantId)
    {
        return issuer switch
        {
            Channel => TokenSource.Channel,
            Government => TokenSource.Government,
            not null when EmulatorIssuers.Contains(issuer) => TokenSource.Emulator,
            // A single-tenant bot in the Emulator: the token's own tenant issued it.
            not null when !string.IsNullOrEmpty(tenantId) && IssuersOf(tenantId).Contains(issuer) => TokenSource.Emulator,
            _ => TokenSource.Unknown,
        };
    }

    private static string[] IssuersOf(string tenantId) =>
    [
        $"https://sts.windows.net/{tenantId}/",
        $"https://login.microsoftonline.com/{tenantId}/v2.0",
        $"https://login.microsoftonline.us/{tenantId}/",
        $"https://login.microsoftonline.us/{tenantId}/v2.0",
    ];
}
