using Bot.Activities;

namespace Bot.Channels.BotFramework;

/// <summary>
/// Decides whether an inbound /api/messages request may run. The seam for Bot Connector JWT
/// validation (issue #6); until then only the development mode exists.
/// </summary>
public interface IInboundAuthenticator
{
    Task<bool> IsAllowedAsync(HttpRequest request, Activity activity, CancellationToken cancellationToken);
}

/// <summary>With no MicrosoftAppId configured (development, the Bot Framework Emulator) requests are accepted unauthenticated.</summary>
public sealed class DevelopmentAuthenticator : IInboundAuthenticator
{
    public Task<bool> IsAllowedAsync(HttpRequest request, Activity activity, CancellationToken cancellationToken) => Task.FromResult(true);
}
