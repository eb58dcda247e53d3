using System.Net.Http.Json;
using System.Text.Json;
using Bot.Activities;

namespace Bot.Tests;

/// <summary>
/// One user talking to the bot through POST /api/messages with deliveryMode "expectReplies", so
/// the replies come back in the HTTP answer (no connector needed).
/// </summary>
public sealed class Conversation(HttpClient http, string channel, string? id = null)
{
    private int _sequence;

    public string Id { get; } = id ?? "conv-" + Guid.NewGuid().ToString("N");
    public string UserId { get; set; } = "user-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Where the channel says replies go; a fake connector's address when a test wants proactive messages.</summary>
    public string ServiceUrl { get; set; } = "http://127.0.0.1:9/";

    public Task<IReadOnlyList<Activity>> SayAsync(string text, string? activityId = null) =>
        PostAsync(Activity(ActivityTypes.Message, activityId, a => a.Text = text));

    /// <summary>Every word an Adaptive Card attached to a reply shows (its text blocks and facts), one per line.</summary>
    public static string CardText(Activity reply)
    {
        var words = new List<string>();
        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "text" or "title" or "value" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        words.Add(property.Value.GetString()!);
                    }
                    Walk(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }
        foreach (var attachment in reply.Attachments ?? [])
        {
            Walk(attachment);
        }
        return string.Join("\n", words);
    }

    /// <summary>All the replies' texts, one per line, for a quick look in an assertion message.</summary>
    /// <summary>The last replies' texts exactly as they came over the wire.</summary>
    public IReadOnlyList<string?> LastWire { get; private set; } = [];

    public static string Texts(IReadOnlyList<Activity> replies) => string.Join("\n---\n", replies.Select(r => r.Text));

    public Task<IReadOnlyList<Activity>> StartSurveyAsync(string form, string communeId, string? caseCode = null) =>
        PostAsync(Activity(ActivityTypes.Event, null, a =>
        {
            a.Name = "startSurvey";
            a.Value = JsonSerializer.SerializeToElement(new { form, communeId, caseCode });
        }));

    /// <summary>What a survey page sends first: its link (and, from the open page, its signed stamp).</summary>
    public Task<IReadOnlyList<Activity>> StartWithLinkAsync(string link, string? stamp = null) =>
        PostAsync(Activity(ActivityTypes.Event, null, a =>
        {
            a.Name = "startSurvey";
            a.Value = JsonSerializer.SerializeToElement(new { link, stamp });
        }));

    public Task<IReadOnlyList<Activity>> JoinAsync() =>
        PostAsync(Activity(ActivityTypes.ConversationUpdate, null, a => a.MembersAdded = [new ChannelAccount("bot"), new ChannelAccount(UserId)]));

    public Activity Activity(string type, string? activityId, Action<Activity> shape)
    {
        var activity = new Activity
        {
            Type = type,
            Id = activityId ?? $"{Id}|{Guid.NewGuid():N}|{Interlocked.Increment(ref _sequence):D4}",
            ChannelId = channel,
            ServiceUrl = ServiceUrl,
            From = new ChannelAccount(UserId, "Người dùng", "user"),
            Recipient = new ChannelAccount("bot", "Trợ lý khảo sát", "bot"),
            Conversation = new ConversationAccount(Id),
            DeliveryMode = "expectReplies",
            Locale = "vi-VN",
        };
        shape(activity);
        return activity;
    }

    public async Task<IReadOnlyList<Activity>> PostAsync(Activity activity)
    {
        var response = await http.PostAsJsonAsync("/api/messages", activity, BotJsonContext.Default.Activity);
        response.EnsureSuccessStatusCode();
        var replies = await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ExpectedReplies);
        LastWire = [.. replies!.Activities.Select(a => a.Text)];
        // As the person sees it: a Markdown hard break ("  \n") is a line break (MarkdownBreaksTests checks the wire).
        foreach (var reply in replies.Activities)
        {
            reply.Text = reply.Text?.Replace("  \n", "\n", StringComparison.Ordinal);
        }
        return replies.Activities;
    }
}
