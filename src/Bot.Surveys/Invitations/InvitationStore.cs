using System.Text.Json;
using Bot.State;
using Scoring.Rules;
using StackExchange.Redis;

namespace Bot.Surveys.Invitations;

/// <summary>Invitations by the hash of their code, and whether each has given its form.</summary>
public sealed class InvitationStore(IConnectionMultiplexer redis, BotKeys keys, TimeProvider clock)
{
    // Kept a while past expiry, so a late citizen is told it expired rather than that it never existed.
    private static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(30);

    private static readonly TimeSpan RegistrationKept = TimeSpan.FromDays(400);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Stores the invitation unless its code exists; returns the stored one and whether it is new.
    /// A cadre's is also listed under its commune and year; registering the cadre again lists it
    /// again, so a list write lost after the invitation's is mended by that.
    /// </summary>
    public async Task<(Invitation Stored, bool Created)> CreateAsync(string code, Invitation invitation)
    {
        var codeHash = InvitationCodes.StorageHash(code);
        var key = keys.Invitation(codeHash);
        var ttl = invitation.ExpiresAt - clock.GetUtcNow() + KeptAfterExpiry;
        var json = JsonSerializer.Serialize(invitation, InvitationStoreJsonContext.Default.Invitation);
        var created = await Db.StringSetAsync(key, json, ttl, When.NotExists);
        var stored = created ? invitation : await Db.StringGetAsync(key) is { IsNull: false } existing
            ? JsonSerializer.Deserialize((string)existing!, InvitationStoreJsonContext.Default.Invitation)!
            : invitation;
        if (stored.Role is not null)
        {
            var list = keys.CadreList(stored.CommuneId, stored.Year);
            await Db.HashSetAsync(list, codeHash, JsonSerializer.Serialize(stored, InvitationStoreJsonContext.Default.Invitation));
            await Db.KeyExpireAsync(list, RegistrationKept);
        }
        return (stored, created);
    }

    /// <summary>
    /// Marks a case the desk invited as the one-stop software's (<see cref="InvitationIssuer.IssueForSoftwareAsync"/>),
    /// keeping its expiry; a survey already begun keeps what it was begun with, and the scoring core mends its form.
    /// </summary>
    public Task MarkSoftwareAsync(string code, Invitation stored) =>
        Db.StringSetAsync(keys.Invitation(InvitationCodes.StorageHash(code)),
            JsonSerializer.Serialize(stored with { IssuedBy = InvitationIssuers.Software }, InvitationStoreJsonContext.Default.Invitation), null, keepTtl: true, When.Exists);

    /// <summary>How many cadres are registered for a commune and year.</summary>
    public async Task<long> CadreCountAsync(string communeId, int year) => await Db.HashLengthAsync(keys.CadreList(communeId, year));

    /// <summary>The cadres registered for a commune and year, each with whether their form has come.</summary>
    public async Task<IReadOnlyList<(Invitation Invitation, bool Answered)>> CadresAsync(string communeId, int year)
    {
        var entries = await Db.HashGetAllAsync(keys.CadreList(communeId, year));
        // One key per invitation, each in its own slot on a cluster: read side by side, not in one command.
        var answered = await Task.WhenAll(entries.Select(e => Db.KeyExistsAsync(keys.InvitationUsed(e.Name!))));
        return [.. entries.Select((e, i) => (JsonSerializer.Deserialize((string)e.Value!, InvitationStoreJsonContext.Default.Invitation)!, answered[i]))];
    }

    /// <summary>The invitation behind a code's hash, and the form it already gave (null if none); both null for an unknown code.</summary>
    public async Task<(Invitation? Invitation, string? UsedBy)> FindAsync(string codeHash)
    {
        var invitationRead = Db.StringGetAsync(keys.Invitation(codeHash));
        var usedRead = Db.StringGetAsync(keys.InvitationUsed(codeHash));
        var (invitation, used) = (await invitationRead, await usedRead);
        return (invitation.IsNull ? null : JsonSerializer.Deserialize((string)invitation!, InvitationStoreJsonContext.Default.Invitation), used.IsNull ? null : (string?)used);
    }

    /// <summary>The registration id for a cadre's identity: the first one made, so registering again returns the same.</summary>
    public async Task<string> RegistrationIdAsync(string identityHash)
    {
        var key = keys.CadreRegistration(identityHash);
        var fresh = Guid.NewGuid().ToString("N");
        // A registration is for one year (the identity includes it); kept through that year's appraisal and recognition.
        return await Db.StringSetAsync(key, fresh, RegistrationKept, When.NotExists) ? fresh : (string)(await Db.StringGetAsync(key))!;
    }
}
