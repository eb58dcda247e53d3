using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Activities;
using TestSupport;
using Activity = Bot.Activities.Activity;

namespace Bot.Benchmark;

/// <summary>Virtual users, each running citizen surveys back to back in new conversations.</summary>
internal sealed class LoadGenerator(Uri bot, FakeConnector connector, int users)
{
    public const string Commune = "bench-xa";

    // What the user says, and words the bot's last reply to it must contain.
    internal static readonly (string Say, string Expect)[] Script =
    [
        ($"khảo sát {Commune}", "Xin phép"),
        ("đồng ý", "Câu 1/5"),
        ("1", "Câu 2/5"),
        ("khá", "Câu 3/5"),
        ("3", "Câu 4/5"),
        ("tot", "Câu 5/5"),
        ("Tốt", "góp ý"),
        ("bỏ qua", "họ tên"),
        ("bỏ qua", "địa chỉ"),
        ("bỏ qua", "xem lại"),
        ("gửi", "cảm ơn"),
    ];

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = users }) { BaseAddress = bot };

    public Task<LoadResult> RunAsync(TimeSpan duration) => LoadRun.RunAsync(users, duration, async tally =>
    {
        var conversation = $"bench-{Guid.NewGuid():N}";
        foreach (var (say, expect) in Script)
        {
            var started = Stopwatch.GetTimestamp();
            var activityId = Guid.NewGuid().ToString("N");
            await PostAsync(conversation, activityId, say);
            tally.Latencies.Add(Stopwatch.GetTimestamp() - started);
            tally.Turns++;
            tally.Mismatches += Check(conversation, activityId, expect) ? 0 : 1;
        }
    });

    private async Task PostAsync(string conversation, string activityId, string text)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = activityId,
            ChannelId = "directline",
            ServiceUrl = connector.ServiceUrl,
            From = new ChannelAccount("u-" + conversation, role: "user"),
            Recipient = new ChannelAccount("bot", role: "bot"),
            Conversation = new ConversationAccount(conversation),
            Text = text,
        };
        using var response = await _http.PostAsJsonAsync("/api/messages", activity, BotJsonContext.Default.Activity);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The bot answered 200 only after sending its replies, so they are all at the connector now.</summary>
    private bool Check(string conversation, string activityId, string expect)
    {
        if (!connector.ByConversation.TryGetValue(conversation, out var queue))
        {
            return false;
        }
        JsonElement last = default;
        var any = false;
        while (queue.TryDequeue(out var reply))
        {
            any = true;
            last = reply;
            if (reply.GetProperty("replyToId").GetString() != activityId)
            {
                return false;
            }
        }
        if (expect == "cảm ơn")
        {
            connector.ByConversation.TryRemove(conversation, out _);
        }
        return any && last.GetProperty("text").GetString()!.Contains(expect, StringComparison.Ordinal);
    }
}
