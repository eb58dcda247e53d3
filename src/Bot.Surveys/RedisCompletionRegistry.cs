using Bot.State;
using StackExchange.Redis;

namespace Bot.Surveys;

/// <summary>The "completed" markers written by <see cref="ConversationStore"/> when a form is finished.</summary>
public sealed class RedisCompletionRegistry(IConnectionMultiplexer redis, BotKeys keys) : ICompletionRegistry
{
    public Task<bool> IsCompletedAsync(string form, string communeId, int year, string userKey) =>
        redis.GetDatabase().KeyExistsAsync(keys.Completed(form, communeId, year, userKey));
}
