using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ServiceDefaults;

/// <summary>
/// Moves a single-node deployment's keys from the layout before hash tags to today's, once, at
/// start (decision 020): SCAN under the prefix (never KEYS), RENAME each key whose name changed,
/// then a marker so later starts cost one GET. A Redis Cluster never held the old layout (its
/// scripts were refused there), so on a cluster only the marker is written. If Redis is down at
/// start the service starts anyway and the migration is tried again every few seconds.
/// </summary>
public abstract partial class KeyLayoutMigration(IConnectionMultiplexer redis, ILogger log) : BackgroundService
{
    private const string Layout = "hash-tags-1";

    /// <summary>Every key of the service starts with it.</summary>
    protected abstract string Prefix { get; }

    /// <summary>The marker of a finished migration, from the service's key helper.</summary>
    protected abstract string LayoutMarker { get; }

    /// <summary>
    /// Keys every deployment of the old layout that holds anything worth keeping has (the unit tree,
    /// the staff list, the outbox): when none exists there is nothing to scan for.
    /// </summary>
    protected abstract IEnumerable<string> OldLayoutLandmarks { get; }

    /// <summary>Today's name for a key of the old layout; null when the key is already today's, or unchanged, or left to expire.</summary>
    protected abstract Task<string?> NewNameAsync(IDatabase database, string key);

    /// <summary>The key already exists under its new name: what to do with the old one (default: keep the new, log, leave the old).</summary>
    protected virtual Task<bool> MergeAsync(IDatabase database, string oldKey, string newKey) => Task.FromResult(false);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first attempt runs before the other hosted services start, so they read today's keys.
        if (!await TryMigrateAsync())
        {
            await base.StartAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && !await TryMigrateAsync())
        {
            await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
        }
    }

    private async Task<bool> TryMigrateAsync()
    {
        try
        {
            await MigrateAsync();
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogDeferred(e.GetType().Name);
            return false;
        }
    }

    private async Task MigrateAsync()
    {
        var database = redis.GetDatabase();
        var marker = LayoutMarker;
        if (await database.StringGetAsync(marker) == Layout)
        {
            return;
        }
        var primaries = redis.GetServers().Where(server => server.IsConnected && !server.IsReplica).ToList();
        if (primaries.Count == 0)
        {
            throw new TimeoutException("No Redis primary is connected yet.");
        }
        var (moved, kept) = (0, 0);
        var oldLayoutHere = primaries.All(server => server.ServerType != ServerType.Cluster)
            && await database.KeyExistsAsync([.. OldLayoutLandmarks.Select(name => (RedisKey)(Prefix + name))]) > 0;
        if (oldLayoutHere)
        {
            foreach (var server in primaries)
            {
                // Collected first: renaming while a SCAN cursor walks the keyspace could visit a key twice.
                var keys = new List<string>();
                await foreach (var key in server.KeysAsync(pattern: EscapeGlob(Prefix) + "*", pageSize: 1000))
                {
                    keys.Add(key!);
                }
                foreach (var key in keys)
                {
                    if (await NewNameAsync(database, key) is not { } newKey || newKey == key)
                    {
                        continue;
                    }
                    if (await database.KeyRenameAsync(key, newKey, When.NotExists) || await MergeAsync(database, key, newKey))
                    {
                        moved++;
                    }
                    else
                    {
                        kept++;
                    }
                }
            }
        }
        await database.StringSetAsync(marker, Layout);
        LogMigrated(moved, kept);
    }

    private static string EscapeGlob(string text) =>
        string.Concat(text.Select(c => c is '*' or '?' or '[' or ']' or '\\' ? $"\\{c}" : c.ToString()));

    [LoggerMessage(Level = LogLevel.Information, Message = "Key layout: {Moved} keys moved to hash-tagged names, {Kept} left where a newer key had the name")]
    private partial void LogMigrated(int moved, int kept);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key layout migration deferred: Redis is unavailable ({Error}); trying again in 5 s")]
    private partial void LogDeferred(string error);
}

public static class KeyLayoutMigrationRegistration
{
    /// <summary>Registers the migration as the first hosted service: the others read today's keys.</summary>
    public static IServiceCollection AddKeyLayoutMigration<T>(this IServiceCollection services)
        where T : KeyLayoutMigration
    {
        services.AddSingleton<T>();
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(provider => provider.GetRequiredService<T>()));
        return services;
    }
}
