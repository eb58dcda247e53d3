using System.Diagnostics.Metrics;

namespace Bot.Outbox;

/// <summary>
/// The outbox as metrics (meter "Bot.Outbox"): queue length, age of the oldest entry, and
/// delivered and dead-lettered counts. Gauges report what the worker last saw.
/// </summary>
public sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = "Bot.Outbox";

    private readonly Meter _meter;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _deadLettered;
    private long _deliveredTotal;
    private long _deadLetteredTotal;

    public OutboxMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _delivered = _meter.CreateCounter<long>("bot.outbox.delivered", description: "Forms the scoring core accepted");
        _deadLettered = _meter.CreateCounter<long>("bot.outbox.dead_lettered", description: "Forms the scoring core refused as invalid");
        _meter.CreateObservableGauge("bot.outbox.queue_length", () => QueueLength, description: "Forms waiting or in flight");
        _meter.CreateObservableGauge("bot.outbox.oldest_age", () => OldestAgeSeconds, unit: "s", description: "Age of the oldest waiting form");
    }

    public long QueueLength { get; set; }
    public double OldestAgeSeconds { get; set; }
    public long Delivered => Interlocked.Read(ref _deliveredTotal);
    public long DeadLettered => Interlocked.Read(ref _deadLetteredTotal);

    public void OnDelivered()
    {
        Interlocked.Increment(ref _deliveredTotal);
        _delivered.Add(1);
    }

    public void OnDeadLettered()
    {
        Interlocked.Increment(ref _deadLetteredTotal);
        _deadLettered.Add(1);
    }

    public void Dispose() => _meter.Dispose();
}
