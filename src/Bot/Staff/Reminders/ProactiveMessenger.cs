using System.Text.Json.Nodes;
using Bot.Activities;
using Bot.Channels.BotFramework;
using Bot.Channels.Zalo;
using Bot.Staff.Enrolment;

namespace Bot.Staff.Reminders;

/// <summary>
/// Writes first into a stored conversation: through the Bot Connector (Teams) or Zalo's CS API.
/// True only when the channel took the message.
/// </summary>
public sealed partial class ProactiveMessenger(IServiceProvider services, ILogger<ProactiveMessenger> log)
{
    public async Task<bool> SendAsync(ConversationReference reference, string text, CancellationToken cancellationToken)
    {
        try
        {
            if (reference.ChannelId == ZaloActivities.ChannelId)
            {
                var zalo = services.GetRequiredService<ZaloClient>();
                return await zalo.SendAsync(reference.UserId, new JsonObject { ["text"] = text }, cancellationToken) == ZaloDelivery.Sent;
            }
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                ChannelId = reference.ChannelId,
                ServiceUrl = reference.ServiceUrl,
                Conversation = new ConversationAccount(reference.ConversationId),
                From = new ChannelAccount(reference.BotId),
                Recipient = new ChannelAccount(reference.UserId),
                Text = text,
                Locale = "vi-VN",
            };
            await services.GetRequiredService<ConnectorClient>().SendAsync(MarkdownBreaks.Apply(activity), cancellationToken);
            return true;
        }
        catch (HttpRequestException e)
        {
            LogFailed(e, reference.ChannelId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A proactive message on {Channel} was not delivered")]
    private partial void LogFailed(Exception e, string channel);
}
