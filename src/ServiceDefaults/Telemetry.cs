using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ServiceDefaults;

/// <summary>
/// Traces and metrics through the OpenTelemetry SDK: ASP.NET Core, HttpClient and Redis instrumentation,
/// the service's own sources and meters, exported over OTLP to where the standard environment says
/// (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_SERVICE_NAME, …). Without an
/// endpoint nothing is registered, so nothing is spent. Spans carry routes and status codes, never
/// bodies: answers and personal data never reach them.
/// </summary>
public static class Telemetry
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddDefaultTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName, string[] sources, string[] meters)
    {
        if (string.IsNullOrWhiteSpace(configuration[EndpointSetting]))
        {
            return services;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : serviceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                // Command names only (never keys or values: they name people and conversations), flushed every second.
                .AddRedisInstrumentation(options =>
                {
                    options.SetVerboseDatabaseStatements = false;
                    options.FlushInterval = TimeSpan.FromSeconds(1);
                })
                .AddSource(sources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                // Both services: confirmed writes a replica did not acknowledge in time.
                .AddMeter([.. meters, ReplicatedWrites.MeterName]))
            .UseOtlpExporter();
        return services;
    }

    // Load balancers call these every few seconds; a trace of each says nothing.
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/health");
}
