using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Activities;

/// <summary>
/// A Bot Framework activity (the wire schema of botframework-activity.md). Fields we do not
/// model are kept in <see cref="Extra"/> and written back unchanged.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public string? Name { get; set; }
    public JsonElement? Value { get; set; }
    public string? ReplyToId { get; set; }
    public string? InputHint { get; set; }
    public string? DeliveryMode { get; set; }

    /// <summary>Why an endOfConversation activity ends it (<see cref="EndOfConversationCodes"/>).</summary>
    public string? Code { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<JsonElement>? Attachments { get; set; }
    public List<JsonElement>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>
    /// A reply addressed back along this activity, as the SDK's ApplyConversationReference does.
    /// On Direct Line and Web Chat a reply to a join is not threaded under it: the join is not in
    /// the transcript, and Web Chat would hold the reply for 5 s waiting for it.
    /// </summary>
    public Activity CreateReply(string? text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Recipient,
        Recipient = From,
        Locale = Locale,
        ReplyToId = Type == ActivityTypes.ConversationUpdate && ChannelId is "directline" or "webchat" ? null : Id,
        Text = text,
    };

    /// <summary>
    /// A person joined the conversation: Web Chat and Direct Line add the user; Teams adds only the
    /// bot, when a person installs it in their one-to-one chat.
    /// </summary>
    public bool PersonJoined()
    {
        var added = MembersAdded ?? [];
        return added.Any(m => m.Id != Recipient?.Id)
            || (Conversation?.ConversationType == "personal" && added.Any(m => m.Id == Recipient?.Id));
    }

    /// <summary>This activity (a card's invoke) as the message it stands for: same id, sender and conversation, the answer as text.</summary>
    public Activity AsMessage(string text, JsonElement? value) => new()
    {
        Type = ActivityTypes.Message,
        Id = Id,
        Timestamp = Timestamp,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        From = From,
        Recipient = Recipient,
        Conversation = Conversation,
        Locale = Locale,
        ReplyToId = ReplyToId,
        Text = text,
        Value = value,
    };
}

/// <summary>A user or bot on a channel; unknown fields (aadObjectId…) are kept.</summary>
public sealed class ChannelAccount
{
    public ChannelAccount()
    {
    }

    public ChannelAccount(string? id, string? name = null, string? role = null)
    {
        Id = id;
        Name = name;
        Role = role;
    }

    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The conversation on a channel; unknown fields (tenantId on Teams…) are kept.</summary>
public sealed class ConversationAccount
{
    public ConversationAccount()
    {
    }

    public ConversationAccount(string? id) => Id = id;

    public string? Id { get; set; }
    public string? Name { get; set; }
    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions);

/// <summary>A button; imBack sends its value back as the user's message text.</summary>
public sealed record CardAction(string Type, string Title, string Value)
{
    public static CardAction ImBack(string title, string? value = null) => new("imBack", title, value ?? title);
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
}

public static class EndOfConversationCodes
{
    public const string CompletedSuccessfully = "completedSuccessfully";
}

public static class InputHints
{
    public const string Expecting = "expectingInput";
    public const string Accepting = "acceptingInput";
}

/// <summary>The answer to deliveryMode "expectReplies": the turn's replies in the HTTP body.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

