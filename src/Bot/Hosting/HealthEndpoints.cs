using Bot.Assistant;
using Bot.Outbox;
using ServiceDefaults;
using StackExchange.Redis;

namespace Bot.Hosting;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapBotHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GetHealthAsync);
        app.MapDefaultHealthEndpoints();
        return app;
    }

    /// <summary>Redis reachability, the outbox (queued, in flight, dead letters, oldest age, delivered, dead-lettered), and the assistant's answers and token use.</summary>
    private static async Task<IResult> GetHealthAsync(IConnectionMultiplexer redis, OutboxStore queue, OutboxMetrics metrics, AssistantMetrics assistant, ILoggerFactory logs)
    {
        OutboxStatus? outbox = null;
        if (await RedisProbe.PingAsync(redis, logs.CreateLogger(nameof(HealthEndpoints))) is not null)
        {
            try
            {
                outbox = await queue.StatusAsync();
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Redis went away between the ping and this read: unhealthy all the same.
            }
        }
        return outbox is null
            ? TypedResults.Json(new BotHealth("unhealthy", false, null, metrics.Delivered, metrics.DeadLettered, assistant.Totals), HealthJsonContext.Default.BotHealth, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Json(new BotHealth("healthy", true, outbox, metrics.Delivered, metrics.DeadLettered, assistant.Totals), HealthJsonContext.Default.BotHealth);
    }
}

public sealed record BotHealth(string Status, bool RedisReachable, OutboxStatus? Outbox, long Delivered, long DeadLettered, AssistantTotals Assistant);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(BotHealth))]
internal sealed partial class HealthJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
