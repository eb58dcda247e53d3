using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TestSupport;

/// <summary>
/// An OpenTelemetry collector's OTLP/HTTP receiver on loopback: it takes POST /v1/traces and
/// /v1/metrics (protobuf bodies, as the .NET exporter sends them) and answers 200 as a collector does.
/// </summary>
public sealed class FakeOtlpCollector : LoopbackFake
{
    private FakeOtlpCollector(WebApplication app)
        : base(app)
    {
    }

    /// <summary>Every export: its path, content type and body size.</summary>
    public ConcurrentQueue<(string Path, string ContentType, long Bytes)> Received { get; } = new();

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        var app = NewApp();
        var collector = new FakeOtlpCollector(app);
        app.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            collector.Received.Enqueue((request.Path.Value!, request.ContentType ?? "", body.Length));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return collector;
    }
}
