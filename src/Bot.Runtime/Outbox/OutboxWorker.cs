using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly;
using StackExchange.Redis;

namespace Bot.Outbox;

/// <summary>
/// Delivers completed forms to the scoring core (its client retries, <see cref="OutboxDeliveryClient"/>),
/// dead-letters what the core refuses as invalid, queues again what it could not take, and recovers
/// entries left in flight by a process that died.
/// </summary>
public sealed partial class OutboxWorker(
    OutboxStore queue, OutboxDeliveryClient core, OutboxSignal signal, OutboxMetrics metrics, IOptions<OutboxOptions> options, ILogger<OutboxWorker> log) : BackgroundService
{
    public const string ActivitySourceName = "Bot.Outbox";

    private HashSet<OutboxItem> _inFlightAtLastSweep = [];
    private long _lastSweep = Environment.TickCount64;

    private long _lastGauges;

    // Each delivery is a span in the trace of the turn that completed the form (its traceparent rides on the entry).
    private static readonly ActivitySource Source = new(ActivitySourceName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        // One delivery at a time, its round trips (Redis, the core) would cap the forms an instance
        // forwards a second below what its turns complete at a busy hour: the queue would only grow.
        await Task.WhenAll(Enumerable.Range(0, options.Value.Concurrency).Select(loop => DeliverLoopAsync(housekeeping: loop == 0, stoppingToken)));
    }

    /// <summary>Delivers while there is work, then waits for a signal or the poll; one loop also sweeps and reads the gauges.</summary>
    private async Task DeliverLoopAsync(bool housekeeping, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (housekeeping)
                {
                    await ReturnStaleAsync();
                }
                if (!await DeliverNextAsync(stoppingToken))
                {
                    if (housekeeping)
                    {
                        await UpdateGaugesAsync();
                    }
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                LogRedisDown(e);
                await Task.Delay(options.Value.PauseAfterFailure, stoppingToken);
            }
        }
    }

    /// <summary>Delivers one entry; false when the queue was empty.</summary>
    public async Task<bool> DeliverNextAsync(CancellationToken cancellationToken)
    {
        if (await TakeAsync() is not { } item)
        {
            return false;
        }
        var entry = item.Entry;
        using var span = Source.StartActivity("outbox deliver", ActivityKind.Internal, TraceParentOf(entry));
        Delivery delivery;
        try
        {
            delivery = await core.SubmitAsync(entry, cancellationToken);
        }
        // Unreachable, every attempt timed out, or the circuit is open: the form waits for the core.
        catch (Exception e) when (e is HttpRequestException or ExecutionRejectedException)
        {
            delivery = new Delivery(DeliveryOutcome.Transient, 0, e.GetType().Name);
        }
        switch (delivery.Outcome)
        {
            case DeliveryOutcome.Delivered:
                await SettleAsync(() => queue.DoneAsync(item), cancellationToken);
                metrics.OnDelivered();
                break;
            case DeliveryOutcome.Rejected:
                await SettleAsync(() => queue.DeadLetterAsync(item, delivery.Status, delivery.Reason), cancellationToken);
                metrics.OnDeadLettered();
                LogDeadLettered(delivery.Status);
                break;
            default:
                await SettleAsync(() => queue.RequeueAsync(item), cancellationToken);
                LogCoreUnavailable(delivery.Status);
                await Task.Delay(options.Value.PauseAfterFailure, cancellationToken);
                break;
        }
        return true;
    }

    private async Task<OutboxItem?> TakeAsync()
    {
        var (shards, scan) = signal.NextLook();
        if (shards == 0)
        {
            return null;
        }
        var item = await queue.TakeAsync(shards);
        if (item is null)
        {
            signal.FoundEmpty(shards, scan);
        }
        return item;
    }

    /// <summary>
    /// Writes the delivery's outcome, retrying while Redis is unavailable (a failover): given up, the
    /// entry would sit in flight until the sweep or the next start.
    /// </summary>
    private async Task SettleAsync(Func<Task> settle, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await settle();
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                LogRedisDown(e);
                await Task.Delay(options.Value.PauseAfterFailure, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Entries in flight at two sweeps <see cref="OutboxOptions.StaleAfter"/> apart have no worker:
    /// their "done" was lost (a primary failed before replicating it) or their process died. They go
    /// back to their queue; the core's idempotency makes a second delivery harmless.
    /// </summary>
    private async Task ReturnStaleAsync()
    {
        var now = Environment.TickCount64;
        if (now - _lastSweep < options.Value.StaleAfter.TotalMilliseconds)
        {
            return;
        }
        _lastSweep = now;
        var inFlight = (await queue.InFlightAsync()).ToHashSet();
        foreach (var stale in inFlight.Where(_inFlightAtLastSweep.Contains))
        {
            if (await queue.RequeueAsync(stale))
            {
                LogReturnedStale();
            }
        }
        _inFlightAtLastSweep = inFlight;
    }

    /// <summary>The completing turn's trace context from the entry, or default (a new trace) when it has none.</summary>
    private static ActivityContext TraceParentOf(string entry)
    {
        try
        {
            using var json = JsonDocument.Parse(entry);
            return json.RootElement.TryGetProperty("traceParent", out var parent) && parent.ValueKind == JsonValueKind.String
                && ActivityContext.TryParse(parent.GetString(), null, out var context) ? context : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        try
        {
            var recovered = await queue.RecoverAsync();
            if (recovered > 0)
            {
                LogRecovered(recovered);
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisDown(e);
            await Task.Delay(options.Value.PauseAfterFailure, stoppingToken);
        }
    }

    /// <summary>The queue's gauges, read at most once a poll interval (they cost a few commands per shard).</summary>
    private async Task UpdateGaugesAsync()
    {
        var now = Environment.TickCount64;
        if (now - _lastGauges < options.Value.PollInterval.TotalMilliseconds)
        {
            return;
        }
        _lastGauges = now;
        var status = await queue.StatusAsync();
        metrics.QueueLength = status.Queued + status.InFlight;
        metrics.OldestAgeSeconds = status.OldestAgeSeconds;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A form was in flight with no worker delivering it; it is queued again")]
    private partial void LogReturnedStale();

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered {Count} forms left in flight")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scoring core refused a form (HTTP {Status}); it is in the dead-letter list")]
    private partial void LogDeadLettered(int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scoring core is unavailable (HTTP {Status}); the form stays queued")]
    private partial void LogCoreUnavailable(int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable to the outbox worker")]
    private partial void LogRedisDown(Exception exception);
}
