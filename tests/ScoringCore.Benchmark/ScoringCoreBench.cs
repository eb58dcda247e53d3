using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Scoring.Loading;
using Scoring.Rules;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Storage;
using ScoringCore.Validation;
using StackExchange.Redis;

namespace ScoringCore.Benchmark;

/// <summary>
/// The benchmark's parts: an in-process store on one multiplexer, and the built scoring core
/// started as its own process on a loopback port, both on the same Redis and key prefix.
/// </summary>
internal sealed class ScoringCoreBench : IAsyncDisposable
{
    private const string ApiKey = "bench-key-0123456789abcdef";

    // Enough requests in flight to keep Redis busy through the multiplexer's pipeline.
    private const int StoreConcurrency = 64;

    private readonly BenchmarkOptions _options;
    private readonly ConnectionMultiplexer _redis;
    private readonly SurveyResponseValidator _validator;
    private readonly SurveyResponseStore _store;
    private readonly Process _core;
    private readonly HttpClient _http;

    private ScoringCoreBench(BenchmarkOptions options, ConnectionMultiplexer redis, SurveyResponseValidator validator, SurveyResponseStore store, Process core, HttpClient http)
    {
        _options = options;
        _redis = redis;
        _validator = validator;
        _store = store;
        _core = core;
        _http = http;
    }

    public static async Task<ScoringCoreBench> StartAsync(BenchmarkOptions options)
    {
        // Admin mode only for INFO commandstats, to count Redis calls per response.
        var redis = await ConnectionMultiplexer.ConnectAsync(options.Redis + ",allowAdmin=true");
        var prefix = $"bench:{Guid.NewGuid():N}:";
        var keys = new RedisKeys(prefix);
        var scheme = SchemeLoader.Load();
        var rules = new ScoringRules(scheme);
        var problems = new ApiProblems(scheme.Texts);
        var units = new UnitStore(redis, keys);
        var validator = new SurveyResponseValidator(rules, new PlaceChecks(rules, units, problems), problems, new SurveyRoundStore(redis, keys, rules, TimeProvider.System), TimeProvider.System);
        await units.SaveAsync(Workload.Units(options.Communes));

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [options.CoreAssembly, "--urls", $"http://127.0.0.1:{port}"]) { UseShellExecute = false };
        start.Environment["ConnectionStrings__Redis"] = options.Redis;
        start.Environment["ScoringCore__ApiKeys__0"] = ApiKey;
        start.Environment["ScoringCore__KeyPrefix"] = prefix;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var core = Process.Start(start)!;
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        await WaitForHealthAsync(http);
        return new ScoringCoreBench(options, redis, validator, new SurveyResponseStore(redis, NoReplicaWait(redis), keys, rules, Microsoft.Extensions.Options.Options.Create(new ScoringCore.Hosting.ScoringCoreOptions())), core, http);
    }

    public async Task<PhaseResult> IngestThroughStoreAsync()
    {
        var callsBefore = IngestCalls();
        var result = await RunAsync(StoreConcurrency, async n =>
        {
            var (response, error) = await _validator.ValidateAsync(Workload.Response("store", n, _options.Communes));
            var outcome = await _store.IngestAsync(response ?? throw new InvalidOperationException(error!.Detail));
            return outcome.Result == IngestResult.Created;
        });
        return result with { RedisCallsPerResponse = (IngestCalls() - callsBefore) / (double)result.Count };
    }

    public Task<PhaseResult> IngestOverHttpAsync() =>
        RunAsync(_options.Clients, async n =>
        {
            using var response = await _http.PostAsJsonAsync("/api/v1/survey-responses", Workload.Response("http", n, _options.Communes), ScoringCoreJsonContext.Default.SurveyResponseRequest);
            return response.StatusCode == HttpStatusCode.Created;
        });

    public async Task<SummaryResult> TimeSummaryAsync()
    {
        var path = $"/api/v1/units/{Workload.Province}/years/{Workload.Year}/summary";
        var first = Stopwatch.GetTimestamp();
        var body = await _http.GetFromJsonAsync<JsonElement>(path);
        var firstMs = Clock.Ms(first);
        var times = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var start = Stopwatch.GetTimestamp();
            (await _http.GetAsync(path)).EnsureSuccessStatusCode();
            times.Add(Clock.Ms(start));
        }
        times.Sort();

        // Commune 1 received every n with n % communes == 1, once per phase.
        var expected = 2 * Enumerable.Range(0, _options.Responses).Count(n => n % _options.Communes == 1);
        var cardStart = Stopwatch.GetTimestamp();
        var card = await _http.GetFromJsonAsync<JsonElement>($"/api/v1/communes/{Workload.Commune(1)}/years/{Workload.Year}/scorecard");
        var cardMs = Clock.Ms(cardStart);
        var counted = card.GetProperty("a1").GetProperty("responses").GetInt32() + card.GetProperty("a2").GetProperty("responses").GetInt32();
        return new SummaryResult(body.GetProperty("communes").GetInt32(), firstMs, times[times.Count / 2], times[^1], cardMs, counted == expected);
    }

    private async Task<PhaseResult> RunAsync(int workers, Func<int, Task<bool>> operation)
    {
        var latencies = new Latencies();
        var next = -1;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var ticks = latencies.ForWorker(_options.Responses / workers + 1);
            int n;
            while ((n = Interlocked.Increment(ref next)) < _options.Responses)
            {
                var start = Stopwatch.GetTimestamp();
                if (!await operation(n))
                {
                    Interlocked.Increment(ref failures);
                }
                ticks.Add(Stopwatch.GetTimestamp() - start);
            }
        })));
        clock.Stop();
        if (failures > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{failures} operations did not answer as expected."));
        }
        var (p50, p99) = latencies.Percentiles();
        return new PhaseResult(_options.Responses, clock.Elapsed, p50, p99);
    }

    private long IngestCalls()
    {
        var stats = _redis.GetServer(_redis.GetEndPoints()[0]).Info("commandstats").SelectMany(g => g);
        // The ingest script, and the commune check before it (the unit tree is in its own slot of a cluster).
        return stats.Where(s => s.Key is "cmdstat_eval" or "cmdstat_evalsha" or "cmdstat_sismember")
            .Sum(s => long.Parse(s.Value.Split(',')[0]["calls=".Length..], CultureInfo.InvariantCulture));
    }

    private static async Task WaitForHealthAsync(HttpClient http)
    {
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The scoring core did not become healthy within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_core.HasExited)
        {
            _core.Kill();
            await _core.WaitForExitAsync();
        }
        _core.Dispose();
        await _redis.CloseAsync();
        _redis.Dispose();
    }

    // The store alone on one node: nothing to wait for (the replicated path is the failover test's).
    private static ServiceDefaults.ReplicatedWrites NoReplicaWait(IConnectionMultiplexer redis) =>
        new(redis, () => throw new InvalidOperationException("No own connection without replicas."),
            Microsoft.Extensions.Options.Options.Create(new ServiceDefaults.ReplicaOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ServiceDefaults.ReplicatedWrites>.Instance);
}
