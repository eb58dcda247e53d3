using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ServiceDefaults;

/// <summary>"Redis" options: how many replicas must hold a form before anyone is told it is kept.</summary>
public sealed class ReplicaOptions
{
    public const string Section = "Redis";

    /// <summary>Replicas that must acknowledge a form's write (WAIT) before it is confirmed; 0 (one node, Garnet) waits for none.</summary>
    public int ReplicaAcks { get; set; }

    /// <summary>How long to wait for them; past it the write stands on its primary alone, that is logged and counted, and that primary's writes do not wait for 5 s.</summary>
    public TimeSpan ReplicaAckTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a confirmed write waits for that connection to open; past it the write fails (the channel retries the turn) and the next write connects afresh.</summary>
    public TimeSpan ConnectWait { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// The writes a person or a service is told are kept (a completed form, a form the core accepted):
/// with <see cref="ReplicaOptions.ReplicaAcks"/> set, they go over a connection of their own and
/// are followed by WAIT, so a primary killed right after cannot take them with it (Redis replicates
/// asynchronously). The connection is their own because WAIT blocks the connection it runs on and
/// counts only that connection's writes; StackExchange.Redis does not support blocking commands on
/// its shared connection (decision 020).
/// </summary>
public sealed partial class ReplicatedWrites(
    IConnectionMultiplexer shared, Func<ConfigurationOptions> connection, IOptions<ReplicaOptions> options, ILogger<ReplicatedWrites> log) : IDisposable
{
    public const string MeterName = "Redis.Replication";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Unreplicated = Meter.CreateCounter<long>("redis.writes.unreplicated", description: "Confirmed writes not acknowledged by the required replicas in time");

    private static readonly TimeSpan LaggingPause = TimeSpan.FromSeconds(5);

    // Until when (Environment.TickCount64) a primary's writes skip the WAIT: a pause, so the monotonic
    // clock, not the service's TimeProvider, which tests set to a survey's dates.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<System.Net.EndPoint, long> _laggingUntil = new();

    // Opened on the first confirmed write (a service with ReplicaAcks 0 never opens it); forgotten
    // when opening it fails or outlasts ConnectWait, so the next write tries again.
    private readonly Lock _gate = new();
    private Task<ConnectionMultiplexer>? _own;

    /// <summary>Runs <paramref name="write"/>, then waits for the replicas of the primary that holds <paramref name="key"/>.</summary>
    public async Task<T> WriteAsync<T>(RedisKey key, Func<IDatabase, Task<T>> write)
    {
        var required = options.Value.ReplicaAcks;
        if (required <= 0)
        {
            return await write(shared.GetDatabase());
        }
        var own = await OwnAsync();
        var result = await write(own.GetDatabase());
        // The primary that owns the key's slot, from the multiplexer's map (no round trip).
        var primary = own.GetServer(key);
        if (_laggingUntil.TryGetValue(primary.EndPoint, out var until) && until > Environment.TickCount64)
        {
            Unreplicated.Add(1);
            return result;
        }
        var acknowledged = (long)await primary.ExecuteAsync("WAIT", required, (long)options.Value.ReplicaAckTimeout.TotalMilliseconds);
        if (acknowledged < required)
        {
            // WAITs queue on this connection: while a primary's replicas lag, one timed-out WAIT every
            // few seconds is enough to notice they came back; more would hold up every form behind it.
            _laggingUntil[primary.EndPoint] = Environment.TickCount64 + (long)LaggingPause.TotalMilliseconds;
            Unreplicated.Add(1);
            LogUnreplicated(acknowledged, required);
        }
        else
        {
            _laggingUntil.TryRemove(primary.EndPoint, out _);
        }
        return result;
    }

    /// <summary>
    /// The writes' own connection. Opening it during a failover was seen to hang for good inside the
    /// client (its cluster discovery awaiting a node that had gone), and a kept failed or hung attempt
    /// would hold every later form of the process; so the wait is bounded and a bad attempt dropped.
    /// </summary>
    private async Task<ConnectionMultiplexer> OwnAsync()
    {
        Task<ConnectionMultiplexer> opening;
        lock (_gate)
        {
            opening = _own ??= Open();
        }
        try
        {
            return await opening.WaitAsync(options.Value.ConnectWait);
        }
        catch (Exception e) when (e is TimeoutException or RedisException)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_own, opening))
                {
                    _own = null;
                    // Dropped once, by the first write to give up on it: if it opens after all, it is closed, not leaked.
                    _ = opening.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                }
            }
            throw e as RedisException ?? new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "The connection for confirmed writes did not open in time.", e, CommandStatus.Unknown);
        }
    }

    private Task<ConnectionMultiplexer> Open()
    {
        var configuration = connection();
        configuration.ClientName = "replicated-writes";
        // Longer than the WAIT it may queue behind.
        configuration.AsyncTimeout = Math.Max(configuration.AsyncTimeout, (int)options.Value.ReplicaAckTimeout.TotalMilliseconds * 4);
        return ConnectionMultiplexer.ConnectAsync(configuration);
    }

    public void Dispose()
    {
        if (_own is { IsCompletedSuccessfully: true } own)
        {
            own.Result.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A confirmed write reached {Acknowledged} of {Required} replicas in time; it stands on its primary alone")]
    private partial void LogUnreplicated(long acknowledged, int required);
}
