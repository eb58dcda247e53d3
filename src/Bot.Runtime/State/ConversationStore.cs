using System.Text.Json;
using Bot.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.State;

/// <summary>
/// Conversation state with optimistic concurrency, in two round trips a turn: one script loads
/// the state, its ETag and whether the activity was already answered; one script saves only if
/// the ETag is unchanged, marks the activity answered, and, when the turn completed a form,
/// stores the form, its "completed" marker and its outbox entry in the same atomic step.
/// </summary>
public sealed class ConversationStore(IConnectionMultiplexer redis, BotKeys keys, IOptions<BotOptions> options, TimeProvider clock)
{
    private const string LoadScript = """
        local state = redis.call('HMGET', KEYS[1], 'etag', 'data')
        return { redis.call('EXISTS', KEYS[2]), state[1] or '', state[2] or '' }
        """;

    // KEYS: 1 state, 2 seen, [3 completed marker, 4 form, 5 outbox]
    // ARGV: 1 expected etag, 2 new etag, 3 data, 4 state ttl, 5 seen ttl (0: no activity id),
    //       [6 form json, 7 outbox json, 8 marker and form ttl]
    private const string SaveScript = """
        if (redis.call('HGET', KEYS[1], 'etag') or '') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'etag', ARGV[2], 'data', ARGV[3])
        redis.call('EXPIRE', KEYS[1], ARGV[4])
        if tonumber(ARGV[5]) > 0 then redis.call('SET', KEYS[2], '1', 'EX', ARGV[5]) end
        if #KEYS == 2 then return 1 end
        if not redis.call('SET', KEYS[3], ARGV[6], 'NX', 'EX', ARGV[8]) then return 2 end
        redis.call('SET', KEYS[4], ARGV[6], 'EX', ARGV[8])
        redis.call('LPUSH', KEYS[5], ARGV[7])
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    public async Task<LoadedState> LoadAsync(ConversationKey conversation, string? activityId)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(LoadScript, [keys.Conversation(conversation), SeenKey(conversation, activityId)]))!;
        var data = (string?)result[2];
        return new LoadedState(
            Seen: activityId is not null && (long)result[0] == 1,
            Etag: (string?)result[1] ?? "",
            Data: string.IsNullOrEmpty(data) ? new ConversationData() : JsonSerializer.Deserialize(data, StateJsonContext.Default.ConversationData)!);
    }

    /// <summary>Saves the turn; <see cref="SaveOutcome.Conflict"/> when another turn saved first (the caller reruns from fresh state).</summary>
    public async Task<SaveOutcome> TrySaveAsync(ConversationKey conversation, string? activityId, string expectedEtag, ConversationData data, CompletedForm? completion)
    {
        var settings = options.Value;
        // The state outlives the resume window a little, so a return just inside it still finds it.
        var stateTtl = settings.ResumeWindow + TimeSpan.FromHours(1);
        RedisKey[] scriptKeys = [keys.Conversation(conversation), SeenKey(conversation, activityId)];
        RedisValue[] values =
        [
            expectedEtag,
            Guid.NewGuid().ToString("N"),
            JsonSerializer.Serialize(data, StateJsonContext.Default.ConversationData),
            Seconds(stateTtl),
            activityId is null ? 0 : Seconds(settings.DedupeWindow),
        ];
        if (completion is not null)
        {
            scriptKeys = [.. scriptKeys, CompletionMarker(completion), keys.Form(completion.ResponseId), keys.Outbox];
            values = [.. values, JsonSerializer.Serialize(completion, StateJsonContext.Default.CompletedForm), OutboxJson(completion), Seconds(settings.FormRetention)];
        }
        var result = (long)await Db.ScriptEvaluateAsync(SaveScript, scriptKeys, values);
        // 2: this person (or, for an invitation, anyone) completed the same form from another
        // conversation meanwhile; the state is saved, the form is not queued twice.
        return result switch
        {
            1 => SaveOutcome.Saved,
            2 => SaveOutcome.SavedFormAlreadyGiven,
            _ => SaveOutcome.Conflict,
        };
    }

    /// <summary>One form per invitation, ever; without one, per channel user, commune, form and year.</summary>
    private string CompletionMarker(CompletedForm form) =>
        form.Origin?.InvitationHash is { } invitation ? keys.InvitationUsed(invitation) : keys.Completed(form.Form, form.CommuneId, form.Year, form.UserKey);

    private string OutboxJson(CompletedForm form)
    {
        var origin = form.Origin ?? FormOrigin.OpenLink;
        return JsonSerializer.Serialize(
            new OutboxEntry(form.ResponseId, form.Form, form.CommuneId, form.Year, form.Answers, form.SubmittedAt, form.Channel, clock.GetUtcNow(),
                origin.Source, origin.Reference, origin.VisitedAt, form.StartedAt, origin.DeviceHash, origin.AddressHash,
                System.Diagnostics.Activity.Current is { IdFormat: System.Diagnostics.ActivityIdFormat.W3C } turn ? turn.Id : null),
            StateJsonContext.Default.OutboxEntry);
    }

    private string SeenKey(ConversationKey conversation, string? activityId) => keys.Seen(conversation, activityId ?? "-");

    private static long Seconds(TimeSpan span) => (long)span.TotalSeconds;
}

public sealed record LoadedState(bool Seen, string Etag, ConversationData Data);

public enum SaveOutcome
{
    Saved,

    /// <summary>Saved, but the form's marker already stood (a second tab or person finished the same invitation first): not queued.</summary>
    SavedFormAlreadyGiven,

    Conflict,
}
