namespace Bot.State;

/// <summary>Every Redis key the bot uses, built here and nowhere else.</summary>
public sealed class BotKeys(string prefix)
{
    /// <summary>Hash {etag, data}: one conversation's state.</summary>
    public string Conversation(ConversationKey conversation) => $"{prefix}conv:{conversation.ChannelId}:{conversation.ConversationId}";

    /// <summary>String: marks an inbound activity as answered, for the dedupe window.</summary>
    public string Seen(ConversationKey conversation, string activityId) => $"{prefix}seen:{conversation.ChannelId}:{conversation.ConversationId}:{activityId}";

    /// <summary>String: this channel user completed this form for this commune and year.</summary>
    public string Completed(string form, string communeId, int year, string userKey) => $"{prefix}done:{form}:{communeId}:{year}:{userKey}";

    /// <summary>String, expiring: a survey invitation (JSON) under the SHA-256 of its code.</summary>
    public string Invitation(string codeHash) => $"{prefix}inv:{codeHash}";

    /// <summary>String: the form an invitation gave (its response id); written with the form, once ever.</summary>
    public string InvitationUsed(string codeHash) => $"{prefix}inv:{codeHash}:used";

    /// <summary>String, 400 days: the registration id of a cadre (commune, year, role, village, name), so registering again gives the same invitation.</summary>
    public string CadreRegistration(string identityHash) => $"{prefix}inv:cadre:{identityHash}";

    /// <summary>String: a completed form with its optional fields, kept for the retention period.</summary>
    public string Form(string responseId) => $"{prefix}form:{responseId}";

    /// <summary>List: forms waiting to reach the scoring core (pushed left, taken from the right).</summary>
    public string Outbox => prefix + "outbox";

    /// <summary>List: forms being delivered; moved back to the outbox if the process died mid-delivery.</summary>
    public string OutboxInFlight => prefix + "outbox:inflight";

    /// <summary>List: forms the scoring core refused as invalid, with the reason.</summary>
    public string OutboxDead => prefix + "outbox:dead";

    /// <summary>Hash {user, seq, ts, link}: a Direct Line conversation, its last sequence number and timestamp.</summary>
    public string DirectLineConversation(string conversationId) => $"{prefix}dl:{{{conversationId}}}:meta";

    /// <summary>List: a Direct Line conversation's activities, in order; entry n has watermark n + 1.</summary>
    public string DirectLineTranscript(string conversationId) => $"{prefix}dl:{{{conversationId}}}:log";

    /// <summary>Pub/sub channel: "{seq} {activity}" for each activity appended, so a socket on any instance hears it.</summary>
    public string DirectLineFeed(string conversationId) => $"{prefix}dl:{{{conversationId}}}:feed";

    /// <summary>String: a Zalo event (by msg_id) already accepted, for the dedupe window.</summary>
    public string ZaloSeen(string eventId) => $"{prefix}zalo:seen:{eventId}";

    /// <summary>Hash eventId → raw event: accepted but not yet processed; replayed after a restart.</summary>
    public string ZaloPending => prefix + "zalo:pending";

    /// <summary>Hash {access, refresh, expires}: the OA's tokens, shared by every instance.</summary>
    public string ZaloTokens => prefix + "zalo:tokens";

    /// <summary>String: held by the one instance refreshing the OA's tokens (a refresh token works once).</summary>
    public string ZaloTokenLock => prefix + "zalo:tokens:lock";

    /// <summary>List: replies Zalo would not deliver (the user's 7-day window had closed), sent when the user writes again.</summary>
    public string ZaloKept(string userId) => $"{prefix}zalo:kept:{userId}";

    /// <summary>String, expiring: what an enrolment code grants, under the SHA-256 of the code (never the code).</summary>
    public string EnrolmentCode(string codeHash) => $"{prefix}enrol:code:{codeHash}";

    /// <summary>String: an enrolled person (role, unit, channel identities) as JSON.</summary>
    public string Person(string personId) => $"{prefix}enrol:person:{personId}";

    /// <summary>Set: every enrolled person's id, for listing.</summary>
    public string People => prefix + "enrol:people";

    /// <summary>String: the person a channel identity ("channel:userId") is bound to.</summary>
    public string Identity(string userKey) => $"{prefix}enrol:identity:{userKey}";

    /// <summary>Counter, one hour: wrong codes tried by a channel identity.</summary>
    public string EnrolmentFailures(string userKey) => $"{prefix}enrol:failed:{userKey}";

    /// <summary>Hash channel identity → conversation reference: where a person can be messaged first (reminders).</summary>
    public string ConversationReferences(string personId) => $"{prefix}enrol:refs:{personId}";

    /// <summary>String: this reminder was sent to this person (or is being sent), so it goes once.</summary>
    public string Reminded(string reminder, string personId) => $"{prefix}remind:{reminder}:{personId}";
}

/// <summary>A conversation as the channel names it.</summary>
public readonly record struct ConversationKey(string ChannelId, string ConversationId)
{
    public override string ToString() => $"{ChannelId}:{ConversationId}";
}
