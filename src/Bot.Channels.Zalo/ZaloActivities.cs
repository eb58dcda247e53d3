using Bot.Activities;
using Bot.Dialogs;

namespace Bot.Channels.Zalo;

/// <summary>A webhook event as the bot's activity, or null for events the bot does not act on (seen, reactions, its own sends).</summary>
public static class ZaloActivities
{
    public const string ChannelId = "zalo";

    private static readonly long LastMillisecond = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static Activity? From(ZaloEvent e, string eventId)
    {
        var name = e.EventName ?? "";
        if (name == "follow" && e.Follower?.Id is { Length: > 0 } follower)
        {
            var join = Base(eventId, follower, e);
            join.Type = ActivityTypes.ConversationUpdate;
            join.MembersAdded = [new ChannelAccount(follower)];
            return join;
        }
        // user_send_text, and also images, stickers, links…: the bot answers what it can read and re-asks otherwise.
        if (!name.StartsWith("user_send_", StringComparison.Ordinal) || e.Sender?.Id is not { Length: > 0 } user)
        {
            return null;
        }
        var message = Base(eventId, user, e);
        message.Type = ActivityTypes.Message;
        // A shared link arrives as an attachment: its address joins the text, so a survey link starts that survey.
        var links = e.Message?.Attachments?.Where(a => a.Type == "link").Select(a => a.Payload?.Url) ?? [];
        message.Text = TextNormalizer.Nfc(string.Join(" ", new[] { e.Message?.Text }.Concat(links).Where(t => !string.IsNullOrWhiteSpace(t))));
        if (ZaloButtons.Read(message.Text) is { } tap)
        {
            (message.Text, message.Value) = tap;
        }
        return message;
    }

    /// <summary>Zalo's own echoes of what the OA sent (by the bot or by staff in OA Manager): never input.</summary>
    public static bool IsEcho(ZaloEvent e) => e.EventName?.StartsWith("oa_send_", StringComparison.Ordinal) == true;

    /// <summary>The event's Unix milliseconds as a time; none when it is not one a clock can show (FromUnixTimeMilliseconds would throw).</summary>
    private static DateTimeOffset? StampOf(string? text) =>
        long.TryParse(text, out var ms) && ms >= 0 && ms <= LastMillisecond ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private static Activity Base(string eventId, string userId, ZaloEvent e) => new()
    {
        Id = eventId,
        ChannelId = ChannelId,
        Timestamp = StampOf(e.Timestamp),
        From = new ChannelAccount(userId),
        Recipient = new ChannelAccount(e.Recipient?.Id ?? e.OaId ?? "oa", null, "bot"),
        Conversation = new ConversationAccount(userId),
        Locale = "vi-VN",
    };
}
