using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Bot.Tests;

/// <summary>
/// OpenTelemetry (issue 17 §4): with the standard OTLP environment set, traces are exported over
/// OTLP/HTTP to a collector (a local fake of one); a citizen's form is forwarded in the trace of the
/// turn that completed it, though a background worker sends it; Redis commands are spans of the same
/// trace; no span carries an answer or a key.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class TelemetryTests(RedisServer redis) : BotTestBase(redis)
{
    private const string RedisSource = "OpenTelemetry.Instrumentation.StackExchangeRedis";

    [Fact]
    public async Task CompletedForm_IsForwardedInTheTraceOfItsTurn_AndExportedOverOtlp()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        // The core on a real port, so the trace context crosses real HTTP as it does when deployed.
        await using var core = new CoreApp(Redis);
        var coreUrl = core.StartOnLoopback();
        await core.SeedAsync();
        await using var bot = new BotApp(Redis, core, coreOverHttp: coreUrl);
        var spans = new List<Activity>();
        bot.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl.TrimEnd('/');
        bot.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        bot.Settings["OTEL_BSP_SCHEDULE_DELAY"] = "100";
        bot.TestServices = services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));

        await Surveys.CompleteInvitedCitizenAsync(bot, bot.Conversation(), "cam-vu", "000.00.25.H23-241126-0042");
        await Surveys.EventuallyAsync(async () => await core.ResponsesAsync("cam-vu") == 1, "the form to reach the core");
        Activity[] Seen()
        {
            lock (spans)
            {
                return [.. spans];
            }
        }
        await Surveys.EventuallyAsync(() => Task.FromResult(Seen().Any(s => s.Source.Name == "Bot.Outbox")), "the delivery's span to end");
        await Surveys.EventuallyAsync(() => Task.FromResult(collector.Received.Any(r => r.Path == "/v1/traces")), "an OTLP export of traces");
        // Redis commands' spans are flushed every second: the delivery's own (taking the entry off the queue) among them.
        await Surveys.EventuallyAsync(() => Task.FromResult(Seen() is var all && all.Any(s => s.Source.Name == RedisSource
            && all.Any(d => d.Source.Name == "Bot.Outbox" && d.SpanId == s.ParentSpanId))), "the delivery's Redis commands as spans");

        var seen = Seen();
        var delivery = Assert.Single(seen, s => s.Source.Name == "Bot.Outbox");
        var turns = seen.Where(s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == "/api/messages").ToList();
        // Each turn's span names the route that answered it, never the message.
        Assert.Equal("survey/answer", turns[^1].GetTagItem("bot.route"));
        // The last turn completed the form: the delivery is its child, in its trace.
        Assert.Equal(turns[^1].TraceId, delivery.TraceId);
        Assert.Equal(turns[^1].SpanId, delivery.ParentSpanId);
        var call = Assert.Single(seen, s => s.Kind == ActivityKind.Client && s.ParentSpanId == delivery.SpanId && s.GetTagItem("http.request.method") is not null);
        Assert.Equal("POST", call.GetTagItem("http.request.method"));
        // The core's server span for the form joined the same trace, under the bot's call.
        var received = Assert.Single(seen, s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == "/api/v1/survey-responses");
        Assert.Equal(delivery.TraceId, received.TraceId);
        Assert.Equal(call.SpanId, received.ParentSpanId);
        Assert.All(seen.SelectMany(s => s.TagObjects), tag => Assert.DoesNotContain("000.00.25.H23", tag.Value?.ToString() ?? "", StringComparison.Ordinal));
        // Redis is in the same trace: the turn's load and save, and the delivery's own commands; by command name only.
        var redis = seen.Where(s => s.Source.Name == RedisSource).ToList();
        Assert.Contains(redis, s => s.TraceId == turns[^1].TraceId);
        Assert.Contains(redis, s => s.ParentSpanId == delivery.SpanId);
        Assert.All(redis, s => Assert.DoesNotContain(' ', s.GetTagItem("db.statement") as string ?? s.GetTagItem("db.query.text") as string ?? ""));
        Assert.All(redis, s => Assert.DoesNotContain(s.TagObjects, tag => tag.Value?.ToString()?.Contains(bot.KeyPrefix, StringComparison.Ordinal) == true));
        var export = collector.Received.First(r => r.Path == "/v1/traces");
        Assert.Equal("application/x-protobuf", export.ContentType);
        Assert.True(export.Bytes > 0);
    }
}
