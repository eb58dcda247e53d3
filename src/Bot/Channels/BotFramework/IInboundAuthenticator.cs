using Bot.Activities;

namespace Bot.Channels.BotFramework;

/// <summary>Decides whether an inbound /api/messages request may run (see Auth/BotConnectorAuthenticator).</summary>
public interface IInboundAuthenticator
{
    Task<bool> IsAllowedAsync(HttpRequest request, Activity activity, CancellationToken cancellationToken);
}
