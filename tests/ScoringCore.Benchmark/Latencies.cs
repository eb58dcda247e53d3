using System.Diagnostics;

namespace ScoringCore.Benchmark;

/// <summary>Per-operation times from several workers, summarised as percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<List<long>> _perWorker = [];

    public List<long> ForWorker(int expected)
    {
        var ticks = new List<long>(expected);
        lock (_perWorker)
        {
            _perWorker.Add(ticks);
        }
        return ticks;
    }

    public (double P50, double P99) Percentiles()
    {
        var all = _perWorker.SelectMany(t => t).Order().ToArray();
        double Ms(double quantile) => all[(int)Math.Min(all.Length - 1, Math.Ceiling(quantile * all.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
        return (Ms(0.50), Ms(0.99));
    }
}
