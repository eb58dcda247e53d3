namespace Bot.Channels.Zalo;

/// <summary>
/// Configuration section "Zalo": the commune's Official Account, reached through a Zalo App.
/// The channel is off until AppId is set. Secrets come from environment or user secrets.
/// </summary>
public sealed class ZaloOptions
{
    public const string Section = "Zalo";

    public string AppId { get; set; } = "";

    /// <summary>The OA secret key shown when the OA was linked to the app: it signs webhook events (not the App secret).</summary>
    public string OaSecretKey { get; set; } = "";

    /// <summary>The App secret key: it authenticates token refreshes.</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>Events addressed to another OA are ignored when this is set.</summary>
    public string OaId { get; set; } = "";

    /// <summary>
    /// The first refresh token (from the OA admin's authorisation or Zalo's API Explorer). Used
    /// once, when Redis holds none; after that the rotating tokens live only in Redis.
    /// </summary>
    public string RefreshToken { get; set; } = "";

    public Uri ApiBaseUrl { get; set; } = new("https://openapi.zalo.me");

    public Uri OAuthBaseUrl { get; set; } = new("https://oauth.zaloapp.com");

    /// <summary>Access tokens (25 h) are refreshed this long before they expire.</summary>
    public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Choices as oa.query buttons (at most 5; Zalo shows them on phones). Off: choices as a
    /// list in the text, for an OA whose users are mostly on Zalo PC.
    /// </summary>
    public bool Buttons { get; set; } = true;

    /// <summary>The first wait after Zalo's rate-limit error (-32); each of the three retries waits twice as long.</summary>
    public TimeSpan RateLimitBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public bool Enabled => AppId.Length > 0;
}
