using System.Text.Json;
using Scoring.Rules;
using ScoringCore.Contracts;
using ServiceDefaults;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>
/// Records that the one-stop software asked for a case the commune's desk had invited first: the case is in the
/// software's records, so its form is no longer counted among the desk's (docs/decisions/011). The form may have
/// come before the software's request or may come after it; either way it is counted once, as the software's.
/// </summary>
public sealed class SoftwareCaseStore(IConnectionMultiplexer redis, ReplicatedWrites replicated, RedisKeys keys, ScoringRules rules)
{
    // KEYS (one commune-year's slot): 1 software cases, 2 aggregate, 3 the case's reference (its form's id once one came).
    // ARGV: 1 reference, 2 the form's id read before ('' if none), 3 '1' if that form was counted as the desk's,
    //       4 the desk count's field.
    // The form a reference names never changes once written, so only its arrival in between is checked: then the
    // caller reads again.
    private const string ConfirmScript = """
        if (redis.call('GET', KEYS[3]) or '') ~= ARGV[2] then return -1 end
        if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
        if ARGV[3] == '1' then redis.call('HINCRBY', KEYS[2], ARGV[4], -1) end
        return 1
        """;

    // A reference gets its form once, so a second read always settles it.
    private const int Attempts = 3;

    /// <summary>Marks the case as the software's; a repeat changes nothing.</summary>
    public async Task ConfirmAsync(string communeId, int year, string reference)
    {
        var db = redis.GetDatabase();
        var form = rules.CitizenForm;
        var referenceKey = keys.Reference(communeId, year, form, FormSources.Invitation, reference);
        for (var attempt = 1; ; attempt++)
        {
            var owner = (string?)await db.StringGetAsync(referenceKey);
            var deskForm = owner is not null && await IsDeskFormAsync(db, communeId, year, owner);
            RedisKey[] scriptKeys = [keys.SoftwareCases(communeId, year), keys.Aggregate(communeId, year), referenceKey];
            RedisValue[] values = [reference, owner ?? "", deskForm ? "1" : "0", AggregateFields.Count(AggregateFields.FromDeskGroup(form))];
            var result = (long)await replicated.WriteAsync(scriptKeys[0], database => database.ScriptEvaluateAsync(ConfirmScript, scriptKeys, values));
            if (result >= 0)
            {
                return;
            }
            if (attempt == Attempts)
            {
                throw new InvalidOperationException("A case's form changed under every attempt to mark it the software's.");
            }
        }
    }

    private async Task<bool> IsDeskFormAsync(IDatabase db, string communeId, int year, string responseId) =>
        await db.StringGetAsync(keys.Response(communeId, year, responseId)) is { IsNull: false } json
        && JsonSerializer.Deserialize((string)json!, ScoringCoreJsonContext.Default.SurveyResponseRecord)!.IssuedBy == InvitationIssuers.Desk;
}
