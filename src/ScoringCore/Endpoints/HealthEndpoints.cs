using Microsoft.AspNetCore.Http.HttpResults;
using ScoringCore.Contracts;
using ServiceDefaults;
using StackExchange.Redis;

namespace ScoringCore.Endpoints;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GetHealth);
        app.MapDefaultHealthEndpoints();
        return app;
    }

    /// <summary>200 when Redis answers a PING, 503 when it does not. No key needed: load balancers call it.</summary>
    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealth(IConnectionMultiplexer redis, ILoggerFactory logs)
    {
        var latency = await RedisProbe.PingAsync(redis, logs.CreateLogger(nameof(HealthEndpoints)));
        return latency is null
            ? TypedResults.Json(new HealthReport("unhealthy", new RedisHealth(false, null)), statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(new HealthReport("healthy", new RedisHealth(true, latency)));
    }
}
