namespace Bot.State;

/// <summary>
/// Every Redis key the bot uses, built here and nowhere else. Keys that a script or transaction
/// uses together carry one hash tag ("{…}"), so on a Redis Cluster they live in one slot
/// (decision 020): a conversation's keys carry its outbox shard's tag, so a turn's save (state,
/// seen marker, form, outbox entry) stays one atomic step; the staff directory has one tag.
/// </summary>
public sealed class BotKeys
{
    /// <summary>Outbox shards: enough that no list is hot, few enough for one worker to visit each.</summary>
    public const int OutboxShards = 16;

    // Shard i's tag hashes into the i-th sixteenth of the slots, so the shards spread evenly over
    // the primaries, however many there are (a cluster gives each primary a range of slots).
    private static readonly string[] ShardTags = FindShardTags();

    private readonly string prefix;

    public BotKeys(string prefix)
    {
        // A brace in the prefix would become the hash tag of every key and put them all in one slot.
        if (prefix.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            throw new ArgumentException("The Redis key prefix may not contain braces.", nameof(prefix));
        }
        this.prefix = prefix;
    }

    /// <summary>The shard of a conversation's name ("channel:id"), worked out once by <see cref="ConversationKey"/>.</summary>
    internal static int ShardOfName(string name) => HashSlots.Of(name) * OutboxShards / HashSlots.Count;

    /// <summary>Hash {etag, data}: one conversation's state.</summary>
    public string Conversation(ConversationKey conversation) => $"{prefix}conv:{Tag(conversation)}:{conversation}";

    /// <summary>String: marks an inbound activity as answered, for the dedupe window.</summary>
    public string Seen(ConversationKey conversation, string activityId) => $"{prefix}seen:{Tag(conversation)}:{conversation}:{activityId}";

    /// <summary>String: the response id of the form this channel user gave for this commune and year (reserved just before the turn's save).</summary>
    public string Completed(string form, string communeId, int year, string userKey) => $"{prefix}done:{form}:{communeId}:{year}:{userKey}";

    /// <summary>String, expiring: a survey invitation (JSON) under the SHA-256 of its code.</summary>
    public string Invitation(string codeHash) => $"{prefix}inv:{codeHash}";

    /// <summary>String: the form an invitation gave (its response id); written with the form, once ever.</summary>
    public string InvitationUsed(string codeHash) => $"{prefix}inv:{codeHash}:used";

    /// <summary>String, 400 days: the registration id of a cadre (commune, year, role, village, name), so registering again gives the same invitation.</summary>
    public string CadreRegistration(string identityHash) => $"{prefix}inv:cadre:{identityHash}";

    /// <summary>Hash code hash → invitation (JSON), 400 days: the village cadres registered for a commune and year, for the appraisers' list.</summary>
    public string CadreList(string communeId, int year) => $"{prefix}inv:cadres:{communeId}:{year}";

    /// <summary>String: a completed form with its optional fields, kept for the retention period, beside the conversation that gave it.</summary>
    public string Form(ConversationKey conversation, string responseId) => $"{prefix}form:{Tag(conversation)}:{responseId}";

    /// <summary>List: one shard's forms waiting to reach the scoring core (pushed left, taken from the right).</summary>
    public string Outbox(int shard) => $"{prefix}outbox:{ShardTags[shard]}";

    /// <summary>List: one shard's forms being delivered; moved back to its outbox if the process died mid-delivery.</summary>
    public string OutboxInFlight(int shard) => $"{prefix}outbox:{ShardTags[shard]}:inflight";

    /// <summary>List: one shard's forms the scoring core refused as invalid, with the reason.</summary>
    public string OutboxDead(int shard) => $"{prefix}outbox:{ShardTags[shard]}:dead";

    /// <summary>Hash {user, seq, ts, link}: a Direct Line conversation, its last sequence number and timestamp.</summary>
    public string DirectLineConversation(string conversationId) => $"{prefix}dl:{{{conversationId}}}:meta";

    /// <summary>List: a Direct Line conversation's activities, in order; entry n has watermark n + 1.</summary>
    public string DirectLineTranscript(string conversationId) => $"{prefix}dl:{{{conversationId}}}:log";

    /// <summary>Pub/sub channel: "{seq} {activity}" for each activity appended, so a socket on any instance hears it.</summary>
    public string DirectLineFeed(string conversationId) => $"{prefix}dl:{{{conversationId}}}:feed";

    /// <summary>String: a Zalo event (by msg_id) already accepted, for the dedupe window; in the pending hash's slot.</summary>
    public string ZaloSeen(string eventId) => $"{prefix}zalo:{{inbox}}:seen:{eventId}";

    /// <summary>Hash eventId → raw event: accepted but not yet processed; replayed after a restart.</summary>
    public string ZaloPending => prefix + "zalo:{inbox}:pending";

    /// <summary>Hash {access, refresh, expires}: the OA's tokens, shared by every instance.</summary>
    public string ZaloTokens => prefix + "zalo:tokens";

    /// <summary>String: held by the one instance refreshing the OA's tokens (a refresh token works once).</summary>
    public string ZaloTokenLock => prefix + "zalo:tokens:lock";

    /// <summary>List: replies Zalo would not deliver (the user's 7-day window had closed), sent when the user writes again.</summary>
    public string ZaloKept(string userId) => $"{prefix}zalo:kept:{userId}";

    /// <summary>String, expiring: what an enrolment code grants, under the SHA-256 of the code (never the code).</summary>
    public string EnrolmentCode(string codeHash) => $"{prefix}enrol:code:{codeHash}";

    // The staff directory (people, their identities and addresses) is written in transactions that
    // span a person, the identities bound to them and the list of people: one slot, "{staff}". It is
    // small (a few people a commune) and written rarely, so one slot is never hot.

    /// <summary>String: an enrolled person (role, unit, channel identities) as JSON.</summary>
    public string Person(string personId) => $"{prefix}enrol:{{staff}}:person:{personId}";

    /// <summary>Set: every enrolled person's id, for listing.</summary>
    public string People => prefix + "enrol:{staff}:people";

    /// <summary>String: the person a channel identity ("channel:userId") is bound to.</summary>
    public string Identity(string userKey) => $"{prefix}enrol:{{staff}}:identity:{userKey}";

    /// <summary>Counter, one hour: wrong codes tried by a channel identity.</summary>
    public string EnrolmentFailures(string userKey) => $"{prefix}enrol:failed:{userKey}";

    /// <summary>Hash channel identity → conversation reference: where a person can be messaged first (reminders).</summary>
    public string ConversationReferences(string personId) => $"{prefix}enrol:{{staff}}:refs:{personId}";

    /// <summary>String: this reminder was sent to this person (or is being sent), so it goes once.</summary>
    public string Reminded(string reminder, string personId) => $"{prefix}remind:{reminder}:{personId}";

    /// <summary>String: the key layout this store was migrated to (decision 020), so later starts skip the scan.</summary>
    public string KeyLayout => prefix + "key-layout";

    private static string Tag(ConversationKey conversation) => ShardTags[conversation.Shard];

    private static string[] FindShardTags()
    {
        var tags = new string[OutboxShards];
        for (var n = 0; tags.Contains(null); n++)
        {
            var candidate = $"{{o{n}}}";
            tags[HashSlots.Of(candidate) * OutboxShards / HashSlots.Count] ??= candidate;
        }
        return tags;
    }
}

/// <summary>
/// A conversation as the channel names it. Its name ("channel:id") and outbox shard are worked out
/// once, when it is made: every key of a turn carries both. The parts are get-only, so a copy made
/// with <c>with</c> cannot keep a shard that is not its own.
/// </summary>
public readonly record struct ConversationKey
{
    public ConversationKey(string channelId, string conversationId)
    {
        ChannelId = channelId;
        ConversationId = conversationId;
        Name = $"{channelId}:{conversationId}";
        Shard = BotKeys.ShardOfName(Name);
    }

    public string ChannelId { get; }

    public string ConversationId { get; }

    /// <summary>"channel:id", as it stands in the conversation's keys.</summary>
    public string Name { get; }

    /// <summary>The outbox shard this conversation's completed forms go to: the range of slots its name falls in.</summary>
    public int Shard { get; }

    public override string ToString() => Name;
}
