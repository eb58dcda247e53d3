namespace Bot.Activities;

/// <summary>
/// Enough of a conversation to write into it later without being asked (Bot Framework's
/// ConversationReference): reminders use it on the channels that allow a first message.
/// </summary>
public sealed record ConversationReference(string ChannelId, string ServiceUrl, string ConversationId, string UserId, string BotId, string? TenantId = null)
{
    /// <summary>A message addressed into this conversation, as the SDK's ContinueConversation does.</summary>
    public Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = new ConversationAccount(ConversationId),
        From = new ChannelAccount(BotId),
        Recipient = new ChannelAccount(UserId),
        Text = text,
        Locale = "vi-VN",
    };
}
