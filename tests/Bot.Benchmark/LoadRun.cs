using System.Diagnostics;

namespace Bot.Benchmark;

/// <summary>What one virtual user did: each timed turn, turns, surveys, and replies that were not as expected.</summary>
internal sealed class UserTally
{
    public List<long> Latencies { get; } = [];
    public long Turns { get; set; }
    public long Surveys { get; set; }
    public long Mismatches { get; set; }
}

/// <summary>Runs virtual users, each doing surveys back to back until the time is up, and sums what they did.</summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(int users, TimeSpan duration, Func<UserTally, Task> survey)
    {
        var stop = Stopwatch.StartNew();
        var tallies = Enumerable.Range(0, users).Select(_ => new UserTally()).ToList();
        await Task.WhenAll(tallies.Select(tally => Task.Run(async () =>
        {
            while (stop.Elapsed < duration)
            {
                await survey(tally);
                tally.Surveys++;
            }
        })));
        stop.Stop();
        var all = tallies.SelectMany(t => t.Latencies).Order().ToArray();
        double Percentile(double q) => Clock.Ms(all[(int)Math.Min(all.Length - 1, Math.Ceiling(q * all.Length) - 1)]);
        return new LoadResult(tallies.Sum(t => t.Turns), tallies.Sum(t => t.Surveys), stop.Elapsed, Percentile(0.5), Percentile(0.99), all.Length, tallies.Sum(t => t.Mismatches));
    }
}

internal sealed record LoadResult(long Turns, long Surveys, TimeSpan Elapsed, double P50Ms, double P99Ms, long Checked, long Mismatches);
