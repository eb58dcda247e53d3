using System.Text.Json.Nodes;
using Bot.Activities;

namespace Bot.Channels.Zalo;

/// <summary>
/// Zalo: an activity becomes the OA messages it takes (text split to Zalo's limit, buttons, pictures),
/// sent to the user it is addressed to. A message Zalo refuses for a closed window (the user has not
/// written for 7 days) is held in the inbox, sent first when the user writes again, and counts as
/// taken, so a reminder is not sent twice.
/// </summary>
public sealed partial class ZaloSender(ZaloClient client, ZaloInbox inbox, ILogger<ZaloSender> log) : IChannelSender
{
    public bool Serves(string channelId) => channelId == ZaloActivities.ChannelId;

    public async Task<bool> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var userId = activity.Recipient!.Id!;
        try
        {
            var taken = true;
            foreach (var message in client.Messages(activity))
            {
                taken &= await DeliverAsync(userId, message, cancellationToken);
            }
            return taken;
        }
        catch (HttpRequestException e)
        {
            // Zalo (or its token endpoint) unreachable: not taken; a reminder is tried again at the next check.
            LogFailed(e);
            return false;
        }
    }

    /// <summary>The messages held for a user whose window was closed; called when they write again.</summary>
    public async Task ResendKeptAsync(string userId, CancellationToken cancellationToken)
    {
        foreach (var kept in await inbox.TakeKeptAsync(userId))
        {
            await DeliverAsync(userId, JsonNode.Parse(kept)!.AsObject(), cancellationToken);
        }
    }

    private async Task<bool> DeliverAsync(string userId, JsonObject message, CancellationToken cancellationToken)
    {
        var outcome = await client.SendAsync(userId, message, cancellationToken);
        if (outcome == ZaloDelivery.Kept)
        {
            await inbox.KeepAsync(userId, message.ToJsonString());
        }
        return outcome != ZaloDelivery.Failed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An activity was not delivered to Zalo")]
    private partial void LogFailed(Exception e);
}
