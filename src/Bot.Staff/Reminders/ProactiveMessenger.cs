using Bot.Activities;
using Bot.Channels;

namespace Bot.Staff.Reminders;

/// <summary>
/// Writes first into a stored conversation, through the same sender as the channel's replies
/// (the Bot Connector for Teams, Zalo's OA API). True only when the channel took the message.
/// </summary>
public sealed class ProactiveMessenger(IEnumerable<IChannelSender> senders)
{
    private readonly IReadOnlyList<IChannelSender> _senders = [.. senders];

    public Task<bool> SendAsync(ConversationReference reference, string text, CancellationToken cancellationToken) =>
        _senders.FirstOrDefault(s => s.Serves(reference.ChannelId)) is { } sender
            ? sender.SendAsync(reference.Message(text), cancellationToken)
            : Task.FromResult(false);
}
