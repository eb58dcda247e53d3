using System.Text.Json;
using Bot.Configuration;
using Microsoft.Extensions.Options;
using ServiceDefaults;
using StackExchange.Redis;

namespace Bot.State;

/// <summary>
/// Conversation state with optimistic concurrency, in two round trips a turn: one script loads
/// the state, its ETag and whether the activity was already answered; one script saves only if
/// the ETag is unchanged, marks the activity answered, and, when the turn completed a form,
/// stores the form and its outbox entry in the same atomic step. Those keys share the
/// conversation's hash slot. The form's "given" marker (per invitation, or per person) cannot:
/// it is reserved for the form's response id just before, so a rerun or a channel's retry of the
/// same turn finds it already its own (decision 020). A turn that completes a form is told so only
/// once the configured replicas hold the form (<see cref="ReplicatedWrites"/>).
/// </summary>
public sealed class ConversationStore(IConnectionMultiplexer redis, ReplicatedWrites replicated, BotKeys keys, IOptions<BotOptions> options, TimeProvider clock)
{
    private const string LoadScript = """
        local state = redis.call('HMGET', KEYS[1], 'etag', 'data')
        return { redis.call('EXISTS', KEYS[2]), state[1] or '', state[2] or '' }
        """;

    // KEYS: 1 state, 2 seen, [3 form, 4 outbox shard]
    // ARGV: 1 expected etag, 2 new etag, 3 data, 4 state ttl, 5 seen ttl (0: no activity id),
    //       [6 form json, 7 outbox json, 8 form ttl]
    private const string SaveScript = """
        if (redis.call('HGET', KEYS[1], 'etag') or '') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'etag', ARGV[2], 'data', ARGV[3])
        redis.call('EXPIRE', KEYS[1], ARGV[4])
        if tonumber(ARGV[5]) > 0 then redis.call('SET', KEYS[2], '1', 'EX', ARGV[5]) end
        if #KEYS == 2 then return 1 end
        redis.call('SET', KEYS[3], ARGV[6], 'EX', ARGV[8])
        redis.call('LPUSH', KEYS[4], ARGV[7])
        return 1
        """;

    // KEYS: 1 marker; ARGV: 1 response id, 2 ttl. 1 when the marker is (now) this form's.
    private const string ReserveScript = """
        local held = redis.call('GET', KEYS[1])
        if not held then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) return 1 end
        if held == ARGV[1] then return 1 end
        return 0
        """;

    // KEYS: 1 marker; ARGV: 1 response id. Gives the marker back if it is still this form's.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
        return 0
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
        // Not reserved: this person (or, for an invitation, anyone) gave the same form from another
        // conversation meanwhile; the state is saved, the form is not queued twice.
        var formGiven = completion is not null && !await ReserveMarkerAsync(completion, settings.FormRetention);
        if (completion is not null && !formGiven)
        {
            scriptKeys = [.. scriptKeys, keys.Form(conversation, completion.ResponseId), keys.Outbox(conversation.Shard)];
            values = [.. values, JsonSerializer.Serialize(completion, StateJsonContext.Default.CompletedForm), OutboxJson(completion), Seconds(settings.FormRetention)];
        }
        var saved = completion is null
            ? await SaveAsync(Db, scriptKeys, values)
            : await replicated.WriteAsync(scriptKeys[0], database => SaveAsync(database, scriptKeys, values));
        if (!saved && completion is not null && !formGiven)
        {
            // The rerun may not complete the form (the other turn changed the survey): it reserves again if it does.
            await Db.ScriptEvaluateAsync(ReleaseScript, [CompletionMarker(completion)], [completion.ResponseId]);
        }
        return !saved ? SaveOutcome.Conflict : formGiven ? SaveOutcome.SavedFormAlreadyGiven : SaveOutcome.Saved;
    }

    private static async Task<bool> SaveAsync(IDatabase database, RedisKey[] scriptKeys, RedisValue[] values) =>
        (long)await database.ScriptEvaluateAsync(SaveScript, scriptKeys, values) == 1;

    private Task<bool> ReserveMarkerAsync(CompletedForm form, TimeSpan retention)
    {
        var marker = CompletionMarker(form);
        return replicated.WriteAsync(marker, async database =>
            (long)await database.ScriptEvaluateAsync(ReserveScript, [marker], [form.ResponseId, Seconds(retention)]) == 1);
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
                System.Diagnostics.Activity.Current is { IdFormat: System.Diagnostics.ActivityIdFormat.W3C } turn ? turn.Id : null, origin.IssuedBy,
                // The fields the survey files name so; a cadre's role and village are the invitation's, not the person's words.
                form.Fields.GetValueOrDefault("comment"), form.Fields.GetValueOrDefault("name"), form.Fields.GetValueOrDefault("address")),
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
