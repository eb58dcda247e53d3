using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace Bot.Channels.BotFramework.Auth;

/// <summary>
/// Client-credentials tokens for the Bot Connector API through MSAL: from the botframework.com
/// tenant for a multi-tenant bot, from MicrosoftAppTenantId for a single-tenant one. MSAL keeps
/// the token in its cache and fetches a new one only when it is about to expire.
/// </summary>
public sealed class ConnectorTokens
{
    private readonly Lazy<IConfidentialClientApplication> _application;
    private readonly string[] _scopes;

    public ConnectorTokens(IOptions<BotFrameworkOptions> options, IMsalHttpClientFactory httpClients)
    {
        var settings = options.Value;
        _scopes = [settings.OAuthScope];
        _application = new(() => ConfidentialClientApplicationBuilder.Create(settings.MicrosoftAppId)
            .WithClientSecret(settings.MicrosoftAppPassword)
            .WithAuthority($"{settings.LoginAuthorityHost.TrimEnd('/')}/{Tenant(settings)}")
            // The authority is a known Entra host: asking Entra to discover it again only adds a round trip.
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(httpClients)
            .Build());
    }

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var result = await _application.Value.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    private static string Tenant(BotFrameworkOptions settings) =>
        settings.MicrosoftAppType.Equals("SingleTenant", StringComparison.OrdinalIgnoreCase) ? settings.MicrosoftAppTenantId : "botframework.com";
}

/// <summary>MSAL's HTTP goes through IHttpClientFactory ("msal"), so handlers are pooled and tests can route it to a local token endpoint.</summary>
public sealed class MsalHttpClients(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public const string Name = "msal";

    public HttpClient GetHttpClient() => factory.CreateClient(Name);
}
