using System.Security.Cryptography;
using System.Text.Json;
using Bot.Activities;
using Bot.People;
using Bot.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Staff.Enrolment;

/// <summary>
/// Enrolments in Redis: codes (hashed, expiring, single use), people, and the channel identities
/// bound to them. Redemption takes and deletes the code in one MULTI, so two people typing the
/// same code at once cannot both get it.
/// </summary>
public sealed class EnrolmentStore(IConnectionMultiplexer redis, BotKeys keys, IOptions<EnrolmentOptions> options, TimeProvider clock)
{
    private IDatabase Db => redis.GetDatabase();

    /// <summary>Makes a code for <paramref name="grant"/> and returns it; only its hash is kept.</summary>
    public async Task<string> CreateCodeAsync(EnrolmentGrant grant)
    {
        var code = EnrolmentCode.New();
        var lifetime = grant.ExpiresAt - clock.GetUtcNow();
        await Db.StringSetAsync(keys.EnrolmentCode(EnrolmentCode.Hash(code)), Serialize(grant, EnrolmentJsonContext.Default.EnrolmentGrant), lifetime);
        return code;
    }

    public DateTimeOffset CodeExpiry(bool linkCode) =>
        clock.GetUtcNow() + (linkCode ? options.Value.LinkCodeLifetime : options.Value.CodeLifetime);

    public async Task<Person?> FindByIdentityAsync(string userKey)
    {
        var personId = await Db.StringGetAsync(keys.Identity(userKey));
        return personId.IsNull ? null : await FindAsync(personId!);
    }

    public async Task<Person?> FindAsync(string personId)
    {
        var json = await Db.StringGetAsync(keys.Person(personId));
        return json.IsNull ? null : JsonSerializer.Deserialize((string)json!, EnrolmentJsonContext.Default.Person);
    }

    public async Task<IReadOnlyList<Person>> AllAsync()
    {
        var ids = await Db.SetMembersAsync(keys.People);
        var people = await Task.WhenAll(ids.Select(id => FindAsync(id!)));
        return [.. people.OfType<Person>().OrderBy(p => p.EnrolledAt)];
    }

    /// <summary>
    /// Redeems a typed code for a channel identity: a new person, or one more identity of the
    /// person a link code names. Null when the code is unknown, used or expired; a wrong code counts
    /// against the identity's hourly attempts.
    /// </summary>
    public async Task<RedeemResult> RedeemAsync(string typedCode, string userKey)
    {
        var failures = keys.EnrolmentFailures(userKey);
        if ((long?)await Db.StringGetAsync(failures) >= options.Value.MaxFailedAttemptsPerHour)
        {
            return RedeemResult.TooManyAttempts;
        }
        var grant = EnrolmentCode.LooksLikeOne(typedCode) ? await TakeCodeAsync(typedCode) : null;
        if (grant is null || grant.ExpiresAt <= clock.GetUtcNow())
        {
            var transaction = Db.CreateTransaction();
            _ = transaction.StringIncrementAsync(failures);
            _ = transaction.KeyExpireAsync(failures, TimeSpan.FromHours(1));
            await transaction.ExecuteAsync();
            return RedeemResult.Invalid;
        }
        if (grant.PersonId is { } personId)
        {
            var linked = await AddIdentityAsync(personId, userKey);
            return linked is null ? RedeemResult.Invalid : new RedeemResult(RedeemOutcome.Linked, linked);
        }
        var person = new Person(NewPersonId(), grant.Role, grant.UnitId, clock.GetUtcNow(), grant.CreatedBy, [userKey]);
        var write = Db.CreateTransaction();
        _ = write.StringSetAsync(keys.Person(person.Id), Serialize(person, EnrolmentJsonContext.Default.Person));
        _ = write.SetAddAsync(keys.People, person.Id);
        _ = write.StringSetAsync(keys.Identity(userKey), person.Id);
        await write.ExecuteAsync();
        return new RedeemResult(RedeemOutcome.Enrolled, person);
    }

    /// <summary>Removes a person and unbinds every identity; their conversation references go too.</summary>
    public async Task<bool> RevokeAsync(string personId)
    {
        if (await FindAsync(personId) is not { } person)
        {
            return false;
        }
        var transaction = Db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(keys.Person(personId));
        _ = transaction.SetRemoveAsync(keys.People, personId);
        _ = transaction.KeyDeleteAsync(keys.ConversationReferences(personId));
        foreach (var identity in person.Identities)
        {
            _ = transaction.KeyDeleteAsync(keys.Identity(identity));
        }
        return await transaction.ExecuteAsync();
    }

    /// <summary>Remembers where this person can be reached on a channel that allows a first message.</summary>
    public Task SaveReferenceAsync(string personId, string userKey, ConversationReference reference) =>
        Db.HashSetAsync(keys.ConversationReferences(personId), userKey, Serialize(reference, EnrolmentJsonContext.Default.ConversationReference));

    public async Task<IReadOnlyList<ConversationReference>> ReferencesAsync(string personId)
    {
        var entries = await Db.HashGetAllAsync(keys.ConversationReferences(personId));
        return [.. entries.Select(e => JsonSerializer.Deserialize((string)e.Value!, EnrolmentJsonContext.Default.ConversationReference)!)];
    }

    private async Task<EnrolmentGrant?> TakeCodeAsync(string typedCode)
    {
        // GETDEL: read and delete in one command, so a code is taken once (Redis 6.2+, Garnet).
        var json = await Db.StringGetDeleteAsync(keys.EnrolmentCode(EnrolmentCode.Hash(typedCode)));
        return json.IsNull ? null : JsonSerializer.Deserialize((string)json!, EnrolmentJsonContext.Default.EnrolmentGrant);
    }

    private async Task<Person?> AddIdentityAsync(string personId, string userKey)
    {
        // Linking is rare and done by one person: a few conditional re-reads settle any race.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var raw = await Db.StringGetAsync(keys.Person(personId));
            if (raw.IsNull)
            {
                return null;
            }
            var person = JsonSerializer.Deserialize((string)raw!, EnrolmentJsonContext.Default.Person)!;
            var linked = person with { Identities = [.. person.Identities.Append(userKey).Distinct()] };
            var transaction = Db.CreateTransaction();
            transaction.AddCondition(Condition.StringEqual(keys.Person(personId), raw));
            _ = transaction.StringSetAsync(keys.Person(personId), Serialize(linked, EnrolmentJsonContext.Default.Person));
            _ = transaction.StringSetAsync(keys.Identity(userKey), personId);
            if (await transaction.ExecuteAsync())
            {
                return linked;
            }
        }
        return null;
    }

    private static string NewPersonId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    private static string Serialize<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);
}

public enum RedeemOutcome
{
    Enrolled,
    Linked,
    Invalid,
    TooManyAttempts,
}

public sealed record RedeemResult(RedeemOutcome Outcome, Person? Person)
{
    public static readonly RedeemResult Invalid = new(RedeemOutcome.Invalid, null);
    public static readonly RedeemResult TooManyAttempts = new(RedeemOutcome.TooManyAttempts, null);
}
