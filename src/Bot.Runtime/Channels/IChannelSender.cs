using Bot.Activities;

namespace Bot.Channels;

/// <summary>
/// Writes an addressed activity into a conversation of the channels it serves: the one way out for
/// a turn's replies and for messages the bot sends first (reminders). False when the channel did
/// not take it (its service down, a closed window it could not keep the message for).
/// </summary>
public interface IChannelSender
{
    bool Serves(string channelId);

    Task<bool> SendAsync(Activity activity, CancellationToken cancellationToken);
}
