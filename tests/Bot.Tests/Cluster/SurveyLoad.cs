using System.Net.Http.Json;
using System.Text.Json;

namespace Bot.Tests.Cluster;

/// <summary>
/// Whole citizen surveys run concurrently against one bot, with the channel's retries, while a
/// test breaks the store under them; then the figures: turns, retries, forms confirmed, and what
/// the scoring core holds once the outbox has drained.
/// </summary>
public sealed class SurveyLoad(BotApp bot, CoreApp core, int surveys, int concurrency)
{
    private static readonly string[] Communes = ["cam-vu", "cam-binh", "tu-minh"];
    private int _turns;

    public IReadOnlyList<RetryingCitizen> Citizens { get; } =
        [.. Enumerable.Range(0, surveys).Select(n => new RetryingCitizen(bot, Communes[n % Communes.Length]))];

    public int Turns => Volatile.Read(ref _turns);

    /// <summary>Turns answered by the time the store was back (the break's task ended).</summary>
    public int TurnsWhenRecovered { get; private set; }

    /// <summary>Runs every survey to its end; <paramref name="breakStore"/> starts once <paramref name="breakAfterTurns"/> turns were answered.</summary>
    public async Task RunAsync(int breakAfterTurns, Func<Task> breakStore)
    {
        using var gate = new SemaphoreSlim(concurrency);
        var broken = new TaskCompletionSource();
        var runs = Citizens.Select(async citizen =>
        {
            await gate.WaitAsync();
            try
            {
                await citizen.CompleteAsync(() =>
                {
                    if (Interlocked.Increment(ref _turns) == breakAfterTurns)
                    {
                        broken.TrySetResult();
                    }
                });
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var breaking = broken.Task.ContinueWith(async _ =>
        {
            await breakStore();
            TurnsWhenRecovered = Turns;
        }, TaskScheduler.Default).Unwrap();
        await Task.WhenAll(runs);
        Assert.True(broken.Task.IsCompleted, $"The store was never broken: only {Turns} turns ran.");
        await breaking;
        Assert.True(Turns > TurnsWhenRecovered, "No turn ran after the store came back: the break came too late to test anything.");
    }

    /// <summary>Waits until the bot's outbox is empty and nothing is in flight, then counts the forms the core holds.</summary>
    public async Task<int> FormsInCoreAfterDrainAsync()
    {
        var client = bot.CreateClient();
        await Surveys.EventuallyAsync(async () =>
        {
            try
            {
                var health = await client.GetFromJsonAsync<JsonElement>("/healthz");
                var outbox = health.GetProperty("outbox");
                return outbox.GetProperty("queued").GetInt64() == 0 && outbox.GetProperty("inFlight").GetInt64() == 0;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the outbox to drain", seconds: 60);
        var total = 0;
        foreach (var commune in Communes)
        {
            total += await core.ResponsesAsync(commune);
        }
        return total;
    }
}
