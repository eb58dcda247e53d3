using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using TestSupport;

namespace Bot.Benchmark;

/// <summary>
/// N users doing whole citizen surveys, every reply checked, bounded in time (warm-up + measured
/// seconds), loopback only. --channel connector (default): POST /api/messages, replies to a local
/// fake Bot Connector. --channel directline: our Direct Line host, replies over WebSocket.
/// An explicit entry class: the bot's own top-level Program is referenced here.
/// </summary>
internal static class BenchmarkEntry
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["assistant", ..])
        {
            return await AssistantBench.RunAsync(args);
        }
        if (args is ["answer-path", ..])
        {
            return await AnswerPath.RunAsync(args);
        }
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var users = int.Parse(Arg("--users") ?? "32", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Arg("--seconds") ?? "20", CultureInfo.InvariantCulture);
        // 60 s: under this load the runtime's tiered JIT is still recompiling hot methods 30 s after
        // the first turns (about 4,500 of them between 30 and 60 s over Direct Line, 140 in the next 30), and a process
        // measured 3 s after start spends more CPU on that than on the turns. A province's service
        // runs for days: the figure to compare is the one after the JIT has settled.
        var warmup = int.Parse(Arg("--warmup") ?? "60", CultureInfo.InvariantCulture);
        var redis = Arg("--redis") ?? Environment.GetEnvironmentVariable("BENCH_REDIS") ?? "127.0.0.1:6379";
        var channel = Arg("--channel") ?? "connector";

        await using var connector = await FakeConnector.StartAsync();
        connector.KeepAll = false;
        await using var core = new CoreHost(redis);
        await core.SeedAsync(LoadGenerator.Commune);
        await using var bot = new BotHost(redis, core);
        bot.UseKestrel(0);
        bot.StartServer();
        var multiplexer = bot.Services.GetRequiredService<IConnectionMultiplexer>();
        await using var storeCpu = await StoreCpu.ConnectAsync(redis);

        Func<TimeSpan, Task<LoadResult>> run = channel == "directline"
            ? new DirectLineLoadGenerator(bot.Address, users).RunAsync
            : new LoadGenerator(bot.Address, connector, users).RunAsync;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Bot benchmark ({channel}): {users} users, {warmup} s warm-up + {seconds} s measured, Redis {redis}, bot at {bot.Address}"));
        await run(TimeSpan.FromSeconds(warmup));
        var operationsBefore = multiplexer.GetCounters().TotalOutstanding + multiplexer.GetCounters().Interactive.OperationCount;
        var outbox = bot.Services.GetRequiredService<Bot.Outbox.OutboxMetrics>();
        var deliveredBefore = outbox.Delivered;
        // Listening costs CPU: only when asked, and then the run's CPU figures are not the ones to compare.
        using var allocationTypes = args.Contains("--allocation-types") ? new AllocationTypes() : null;
        allocationTypes?.Start();
        var processCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var postedBefore = connector.Posted;
        // An exception thrown and caught on a turn's way is dear (the runtime walks the stack for it);
        // the outbox's wake-up threw one per completed form until a profile found it.
        var thrown = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        EventHandler<System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs> countThrown =
            (_, e) => thrown.AddOrUpdate(e.Exception.GetType().Name, 1, (_, count) => count + 1);
        AppDomain.CurrentDomain.FirstChanceException += countThrown;
        var storeCpuBefore = await storeCpu.SecondsAsync();
        var result = await run(TimeSpan.FromSeconds(seconds));
        var operations = multiplexer.GetCounters().TotalOutstanding + multiplexer.GetCounters().Interactive.OperationCount - operationsBefore;
        var processCpu = Process.GetCurrentProcess().TotalProcessorTime - processCpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var posted = connector.Posted - postedBefore;
        AppDomain.CurrentDomain.FirstChanceException -= countThrown;
        allocationTypes?.Stop();
        var delivered = outbox.Delivered - deliveredBefore;
        var storeCpuSeconds = await storeCpu.SecondsAsync() - storeCpuBefore;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Turns: {result.Turns:N0} in {result.Elapsed.TotalSeconds:0.0} s = {result.Turns / result.Elapsed.TotalSeconds:N0} turns/s ({result.Surveys / result.Elapsed.TotalSeconds:N0} surveys/s)"));
        var latency = channel == "directline" ? "POST of an answer until the next question arrives on the socket" : "POST until 200, replies delivered";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Latency ({latency}): p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Redis round trips per turn: {operations / (double)result.Turns:0.00} (the bot's multiplexer, outbox worker included)"));
        // The outbox must keep up with the surveys completed, or its queue only grows at a busy hour.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Forms delivered to the core: {delivered / result.Elapsed.TotalSeconds:N0}/s"));
        // CPU per turn moves far less than turns/s when the machine's other tenants take cores: the figure to compare versions by.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per turn: {processCpu.TotalMicroseconds / result.Turns:0} µs in this process (bot, core, fake connector and users), {storeCpuSeconds * 1e6 / result.Turns:0} µs in the store"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Allocated per turn: {allocated / 1024.0 / result.Turns:0.0} KB in this process"));
        // Each is an HTTP call to the connector, the dearest thing a turn does besides Redis (Direct Line posts none).
        if (channel != "directline")
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Activities to the connector per turn: {posted / (double)result.Turns:0.00}"));
        }
        var thrownByType = string.Join(", ", thrown.OrderByDescending(t => t.Value).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Exceptions thrown per 1,000 turns: {thrown.Values.Sum() * 1000.0 / result.Turns:0.0} in this process{(thrownByType.Length > 0 ? $" ({thrownByType})" : "")}"));
        allocationTypes?.Print(result.Turns);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Replies checked: {result.Checked:N0}; mismatches: {result.Mismatches}"));
        return result.Mismatches == 0 ? 0 : 1;
    }
}

internal static class Clock
{
    public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
