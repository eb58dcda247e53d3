using Microsoft.AspNetCore.Http.HttpResults;
using ScoringCore.Contracts;
using StackExchange.Redis;

namespace ScoringCore.Endpoints;

public static partial class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GetHealth);
        return app;
    }

    /// <summary>200 when Redis answers a PING, 503 when it does not. No key needed: load balancers call it.</summary>
    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealth(IConnectionMultiplexer redis, ILoggerFactory logs)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return TypedResults.Ok(new HealthReport("healthy", new RedisHealth(true, Math.Round(latency.TotalMilliseconds, 2))));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisUnreachable(logs.CreateLogger(nameof(HealthEndpoints)), e);
            return TypedResults.Json(new HealthReport("unhealthy", new RedisHealth(false, null)), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is not reachable")]
    private static partial void LogRedisUnreachable(ILogger logger, Exception exception);
}
