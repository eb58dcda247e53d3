using Bot.Outbox;
using StackExchange.Redis;

namespace Bot.Hosting;

public static partial class HealthEndpoints
{
    public static IEndpointRouteBuilder MapBotHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GetHealthAsync);
        return app;
    }

    /// <summary>Redis reachability and the outbox: queued, in flight, dead letters, oldest age, delivered and dead-lettered counts.</summary>
    private static async Task<IResult> GetHealthAsync(IConnectionMultiplexer redis, OutboxStore queue, OutboxMetrics metrics, ILoggerFactory logs)
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            var outbox = await queue.StatusAsync();
            return TypedResults.Json(new BotHealth("healthy", true, outbox, metrics.Delivered, metrics.DeadLettered), HealthJsonContext.Default.BotHealth);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisDown(logs.CreateLogger(nameof(HealthEndpoints)), e);
            return TypedResults.Json(new BotHealth("unhealthy", false, null, metrics.Delivered, metrics.DeadLettered), HealthJsonContext.Default.BotHealth, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is not reachable")]
    private static partial void LogRedisDown(ILogger logger, Exception exception);
}

public sealed record BotHealth(string Status, bool RedisReachable, OutboxStatus? Outbox, long Delivered, long DeadLettered);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(BotHealth))]
internal sealed partial class HealthJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
