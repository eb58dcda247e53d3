namespace Bot.Staff.Enrolment;

/// <summary>
/// Enough of a conversation to write into it later without being asked (Bot Framework's
/// ConversationReference): reminders use it on the channels that allow a first message.
/// </summary>
public sealed record ConversationReference(string ChannelId, string ServiceUrl, string ConversationId, string UserId, string BotId, string? TenantId = null);
