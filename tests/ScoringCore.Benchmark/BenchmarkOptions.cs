using System.Globalization;

namespace ScoringCore.Benchmark;

/// <summary>Command-line settings: --responses N --communes N --clients N --redis host:port --core path/to/ScoringCore.dll</summary>
internal sealed record BenchmarkOptions(int Responses, int Communes, int Clients, string Redis, string CoreAssembly)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new BenchmarkOptions(
            Number("--responses", 1_000_000),
            Number("--communes", 3_300),
            Number("--clients", 32),
            Value("--redis") ?? Environment.GetEnvironmentVariable("BENCH_REDIS") ?? "127.0.0.1:6379",
            Value("--core") ?? throw new ArgumentException("--core path/to/ScoringCore.dll is required"));
    }
}
