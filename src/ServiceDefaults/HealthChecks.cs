using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ServiceDefaults;

/// <summary>
/// Liveness and readiness as ASP.NET Core health checks, for orchestrators: /health/live answers
/// while the process runs (no check, so a Redis outage never gets the service restarted), and
/// /health/ready only while Redis answers (take it out of the load balancer, keep it running).
/// /healthz stays for those who read its figures.
/// </summary>
public static class HealthChecks
{
    private const string Ready = "ready";

    public static IServiceCollection AddDefaultHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapDefaultHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return app;
    }

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis, ILogger<RedisHealthCheck> logger) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await RedisProbe.PingAsync(redis, logger) is { } latency
                ? HealthCheckResult.Healthy($"PING {latency} ms")
                : HealthCheckResult.Unhealthy("Redis does not answer.");
    }
}
