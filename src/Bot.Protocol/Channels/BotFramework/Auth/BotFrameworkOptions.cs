namespace Bot.Channels.BotFramework.Auth;

/// <summary>
/// The Bot Connector channel (Teams, Emulator): the bot's Azure identity under the keys every
/// Bot Framework bot uses (MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType,
/// MicrosoftAppTenantId) and the endpoints under "BotFramework", so tests can point them at
/// local fakes. With no MicrosoftAppId the channel runs unauthenticated (development, Emulator).
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string Section = "BotFramework";

    public string MicrosoftAppId { get; set; } = "";

    /// <summary>The client secret, from environment or user secrets.</summary>
    public string MicrosoftAppPassword { get; set; } = "";

    /// <summary>MultiTenant (tokens from the botframework.com tenant) or SingleTenant (from MicrosoftAppTenantId).</summary>
    public string MicrosoftAppType { get; set; } = "MultiTenant";

    public string MicrosoftAppTenantId { get; set; } = "";

    public bool AuthenticationEnabled => MicrosoftAppId.Length > 0;

    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    public string GovOpenIdMetadataUrl { get; set; } = "https://login.botframework.azure.us/v1/.well-known/openidconfiguration";

    /// <summary>Signing keys are fetched again after this long even when all is well.</summary>
    public TimeSpan SigningKeysLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// An unknown key id triggers a fetch (keys rotate), but not more often than this: a flood of
    /// forged tokens with made-up key ids must not turn into a flood of requests to Microsoft.
    /// </summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where outbound tokens come from (Azure public cloud by default).</summary>
    public string LoginAuthorityHost { get; set; } = "https://login.microsoftonline.com";

    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Hosts (and their subdomains) a token may be sent to. An activity's serviceUrl comes from
    /// the request, so without this list a forged activity could make the bot post its token to
    /// anyone (the Agents SDK's OutboundHostValidator defaults).
    /// </summary>
    public string[] AllowedServiceUrlHosts { get; set; } =
        ["botframework.com", "botframework.azure.us", "smba.trafficmanager.net", "teams.microsoft.com", "teams.microsoft.us"];

    public bool IsAllowedServiceUrl(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback)
        && AllowedServiceUrlHosts.Any(host => uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase));
}
