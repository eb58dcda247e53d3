using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Bot.Benchmark;

/// <summary>
/// Where a turn's allocations go, by type (--allocation-types): the runtime raises an allocation tick
/// about every 100 KB a thread allocates, naming the type that crossed it, so the ticks summed by type
/// are a sample proportional to the bytes. Comparing two builds' lists shows what one allocates more of.
/// </summary>
internal sealed class AllocationTypes : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _recording;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // Verbose: the allocation tick is a verbose event of the GC keyword.
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.PayloadNames is not { } names)
        {
            return;
        }
        var type = names.IndexOf("TypeName") is var t and >= 0 ? e.Payload![t] as string ?? "?" : "?";
        var bytes = names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload![a], CultureInfo.InvariantCulture) : 100 * 1024;
        _bytes.AddOrUpdate(type, bytes, (_, total) => total + bytes);
    }

    public void Print(long turns, int top = 40)
    {
        Console.WriteLine($"Allocated per turn by type (sampled, the {top} largest):");
        foreach (var (type, bytes) in _bytes.OrderByDescending(t => t.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes / 1024.0 / turns,7:0.00} KB  {type}"));
        }
    }
}
