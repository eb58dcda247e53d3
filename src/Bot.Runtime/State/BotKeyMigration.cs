using ServiceDefaults;
using StackExchange.Redis;

namespace Bot.State;

/// <summary>
/// The bot's keys from before the cluster layout to today's names (decision 020): conversations,
/// the outbox (into shard 0, whose in-flight list the worker recovers at start), the Zalo inbox and
/// the staff directory. Seen markers and archived forms keep their old names until they expire.
/// </summary>
public sealed class BotKeyMigration(IConnectionMultiplexer redis, BotKeys keys, Microsoft.Extensions.Options.IOptions<Configuration.BotOptions> options, ILogger<BotKeyMigration> log)
    : KeyLayoutMigration(redis, log)
{
    protected override string Prefix => options.Value.KeyPrefix;

    protected override string LayoutMarker => keys.KeyLayout;

    protected override IEnumerable<string> OldLayoutLandmarks => ["enrol:people", "outbox", "outbox:inflight", "outbox:dead", "zalo:pending"];

    protected override Task<string?> NewNameAsync(IDatabase database, string key) => Task.FromResult(NewName(key[Prefix.Length..]));

    /// <summary>Lists and sets merge into what today's name already holds; hashes too (the Zalo inbox).</summary>
    protected override async Task<bool> MergeAsync(IDatabase database, string oldKey, string newKey)
    {
        switch (await database.KeyTypeAsync(oldKey))
        {
            case RedisType.List:
                while (!(await database.ListRightPopLeftPushAsync(oldKey, newKey)).IsNull)
                {
                }
                return true;
            case RedisType.Set:
                await database.SetCombineAndStoreAsync(SetOperation.Union, newKey, newKey, oldKey);
                await database.KeyDeleteAsync(oldKey);
                return true;
            case RedisType.Hash:
                await database.HashSetAsync(newKey, await database.HashGetAllAsync(oldKey));
                await database.KeyDeleteAsync(oldKey);
                return true;
            default:
                return false;
        }
    }

    private string? NewName(string name) => name.Split(':', 3) switch
    {
        ["conv", var channel, var conversation] when !conversation.StartsWith('{') && !channel.StartsWith('{') => keys.Conversation(new ConversationKey(channel, conversation)),
        ["outbox"] => keys.Outbox(0),
        ["outbox", "inflight"] => keys.OutboxInFlight(0),
        ["outbox", "dead"] => keys.OutboxDead(0),
        ["zalo", "pending"] => keys.ZaloPending,
        ["enrol", "people"] => keys.People,
        ["enrol", "person", var id] => keys.Person(id),
        ["enrol", "identity", var identity] => keys.Identity(identity),
        ["enrol", "refs", var id] => keys.ConversationReferences(id),
        _ => null,
    };
}
