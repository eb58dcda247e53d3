using System.Runtime.CompilerServices;
using System.Text.Json;
using Bot.Activities;
using Bot.Outbox;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Bot.Tests.BotFramework;
using TestSupport;

namespace Bot.Benchmark;

/// <summary>
/// The code one citizen answer runs, for the "files on the path" figure (scripts/CodeMetrics --jit).
/// Run under the runtime's JIT summary (DOTNET_JitDisasmSummary=1, DOTNET_JitStdOutFile=…), every
/// method is compiled the first time it runs, so the methods compiled between the two markers are
/// the ones that ran for the first time during the answer. Three processes on one Redis and key
/// prefix: "seed" walks a Teams survey up to its last question; "answer", in a fresh process, sends
/// the last answer ("gửi") with a Bot Connector token and waits until the form reaches the core;
/// "control" does the same without the answer, to show what the host does meanwhile on its own.
/// </summary>
internal static class AnswerPath
{
    private const string ConversationId = "a:answer-path";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var phase = args.ElementAtOrDefault(1);
        if (phase is not ("seed" or "answer" or "control"))
        {
            Console.Error.WriteLine("usage: answer-path seed|answer|control --prefix <key prefix> [--redis <host:port>]");
            return 2;
        }
        var redis = Arg("--redis") ?? "127.0.0.1:6379";
        var prefix = Arg("--prefix") ?? throw new ArgumentException("--prefix: the bot's key prefix, the same in every phase");

        await using var identity = await FakeMicrosoftIdentity.StartAsync();
        var key = identity.AddKey("botframework", "msteams");
        await using var connector = await FakeConnector.StartAsync();
        await using var core = new CoreHost(redis);
        await core.SeedAsync(LoadGenerator.Commune);
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = new BotHost(redis, core, prefix, builder =>
        {
            foreach (var (name, value) in TeamsBot.Settings(identity))
            {
                builder.UseSetting(name, value);
            }
            builder.ConfigureTestServices(services =>
            {
                TeamsBot.SendMsalTo(identity, services);
                services.AddHttpClient<OutboxDeliveryClient>().AddHttpMessageHandler(() => new SignalOnSuccess(delivered));
            });
        });
        bot.UseKestrel(0);
        bot.StartServer();
        using var http = new HttpClient { BaseAddress = bot.Address };

        async Task<string> SayAsync(string text)
        {
            var activity = TeamsBot.Personal(ConversationId, "29:answer-path-user", connector.ServiceUrl, ActivityTypes.Message);
            activity.Text = text;
            using var request = TeamsBot.MessagesRequest(activity, TeamsBot.ChannelToken(key, connector.ServiceUrl, DateTimeOffset.UtcNow));
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            // In Teams a question is an Adaptive Card: its words are in the attachment, not the text.
            return string.Join(" ", Strings(connector.Received.Last().Body));
        }

        if (phase == "seed")
        {
            foreach (var (say, expect) in LoadGenerator.Script[..^1])
            {
                var reply = await SayAsync(say);
                if (!reply.Contains(expect, StringComparison.Ordinal))
                {
                    Console.WriteLine($"The bot answered \"{say}\" unexpectedly.");
                    return 1;
                }
            }
            Console.WriteLine("Seeded: the survey waits for its last answer.");
            return 0;
        }

        // Let the hosted services settle (first polls, timers), so what follows is the answer's.
        await Task.Delay(TimeSpan.FromSeconds(3));
        BeforeTheAnswer();
        if (phase == "answer")
        {
            var reply = await SayAsync(LoadGenerator.Script[^1].Say);
            await delivered.Task.WaitAsync(TimeSpan.FromSeconds(30));
            // The worker acknowledges the delivery after the core's answer.
            await Task.Delay(TimeSpan.FromSeconds(1));
            AfterTheAnswer();
            var thanked = reply.Contains(LoadGenerator.Script[^1].Expect, StringComparison.Ordinal);
            Console.WriteLine(thanked ? "Answered, thanked, and the form reached the core." : "The last answer was not thanked.");
            return thanked ? 0 : 1;
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
        AfterTheAnswer();
        Console.WriteLine("Control: no answer sent.");
        return 0;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    // The markers: each is compiled when first called, so its line in the JIT summary marks the moment.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void BeforeTheAnswer()
    {
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AfterTheAnswer()
    {
    }

    /// <summary>Completes when the outbox's call to the core succeeds.</summary>
    private sealed class SignalOnSuccess(TaskCompletionSource delivered) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                delivered.TrySetResult();
            }
            return response;
        }
    }
}
