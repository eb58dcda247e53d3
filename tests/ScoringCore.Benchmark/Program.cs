using System.Diagnostics;
using System.Globalization;
using ScoringCore.Benchmark;

// Ingests responses through the store and over HTTP, then times a province summary; prints figures.
var options = BenchmarkOptions.Parse(args);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Scoring core benchmark: {options.Responses:N0} responses per phase, {options.Communes:N0} communes, {options.Clients} HTTP clients, Redis {options.Redis}"));

await using var bench = await ScoringCoreBench.StartAsync(options);

var store = await bench.IngestThroughStoreAsync();
Report("Store (validate + Lua ingest)", store);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Redis calls per response: {store.RedisCallsPerResponse:0.00} (EVAL/EVALSHA and SISMEMBER from INFO commandstats)"));

var http = await bench.IngestOverHttpAsync();
Report($"HTTP POST /api/v1/survey-responses ({options.Clients} clients)", http);

var summary = await bench.TimeSummaryAsync();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Province summary over {summary.Communes:N0} communes: first {summary.FirstMs:0.0} ms, median of 10 {summary.MedianMs:0.0} ms, max {summary.MaxMs:0.0} ms"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Scorecard of one commune: {summary.ScorecardMs:0.0} ms; its response count checked: {summary.ScorecardChecked}"));

static void Report(string name, PhaseResult result) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}: {result.Count:N0} in {result.Elapsed.TotalSeconds:0.0} s = {result.Count / result.Elapsed.TotalSeconds:N0} responses/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms"));

internal sealed record PhaseResult(int Count, TimeSpan Elapsed, double P50Ms, double P99Ms, double RedisCallsPerResponse = 0);

internal sealed record SummaryResult(int Communes, double FirstMs, double MedianMs, double MaxMs, double ScorecardMs, bool ScorecardChecked);

/// <summary>Keeps Stopwatch in scope for the top-level statements' helpers.</summary>
internal static class Clock
{
    public static double Ms(long startTicks) => (Stopwatch.GetTimestamp() - startTicks) * 1000.0 / Stopwatch.Frequency;
}
