using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Bot.Tests.DirectLine;

/// <summary>A Direct Line 3.0 client as DirectLineJS behaves: bearer token, posts with clientActivityID, polls from a watermark.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    private int _sent;

    public string ConversationId { get; private set; } = "";
    public string Token { get; set; } = "";
    public string StreamUrl { get; private set; } = "";
    public string Watermark { get; private set; } = "";
    public string UserId => JsonDocument.Parse(Base64Url.DecodeFromChars(Token.Split('.')[1])).RootElement.GetProperty("user").GetString()!;

    /// <summary>As a commune's web server does: a token from the secret, then the conversation with it.</summary>
    public static async Task<DirectLineClient> StartAsync(HttpClient http)
    {
        var client = new DirectLineClient(http);
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotApp.DirectLineSecret);
        var generated = await Json(await http.SendAsync(generate));
        client.Token = generated.GetProperty("token").GetString()!;
        var started = await Json(await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations"));
        client.ConversationId = started.GetProperty("conversationId").GetString()!;
        client.StreamUrl = started.GetProperty("streamUrl").GetString()!;
        return client;
    }

    /// <summary>Adopts a conversation started elsewhere (the survey page's own start address).</summary>
    public static DirectLineClient Adopt(HttpClient http, JsonElement conversation) => new(http)
    {
        ConversationId = conversation.GetProperty("conversationId").GetString()!,
        Token = conversation.GetProperty("token").GetString()!,
        StreamUrl = conversation.GetProperty("streamUrl").GetString()!,
    };

    public string ActivitiesPath => $"/v3/directline/conversations/{Uri.EscapeDataString(ConversationId)}/activities";

    public Task<HttpResponseMessage> PostRawAsync(object activity) => SendAsync(HttpMethod.Post, ActivitiesPath, JsonContent.Create(activity));

    public async Task<string> SayAsync(string text)
    {
        var response = await PostRawAsync(new { type = "message", text, channelData = new { clientActivityID = $"c{Interlocked.Increment(ref _sent)}" } });
        return (await Json(response)).GetProperty("id").GetString()!;
    }

    public async Task<string> SendEventAsync(string name, object value)
    {
        var response = await PostRawAsync(new { type = "event", name, value, channelData = new { clientActivityID = $"c{Interlocked.Increment(ref _sent)}" } });
        return (await Json(response)).GetProperty("id").GetString()!;
    }

    /// <summary>One poll: the activities after the watermark.</summary>
    public async Task<IReadOnlyList<JsonElement>> PollAsync()
    {
        var set = await Json(await SendAsync(HttpMethod.Get, $"{ActivitiesPath}?watermark={Watermark}"));
        Watermark = set.GetProperty("watermark").GetString()!;
        return set.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
    }

    /// <summary>Polls until a bot message arrives that expects an answer (or ends the survey); returns the bot's messages since the last call.</summary>
    public async Task<IReadOnlyList<JsonElement>> BotRepliesAsync(Func<IReadOnlyList<JsonElement>, bool> done)
    {
        var replies = new List<JsonElement>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            replies.AddRange((await PollAsync()).Where(IsBotMessage));
            if (done(replies))
            {
                return replies;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"The bot did not answer as expected; it said: {string.Join(" | ", replies.Select(Text))}");
    }

    /// <summary>Until the bot asks something (its last message expects input).</summary>
    public Task<IReadOnlyList<JsonElement>> UntilAskedAsync() =>
        BotRepliesAsync(r => r.Count > 0 && r[^1].TryGetProperty("inputHint", out var hint) && hint.GetString() == "expectingInput");

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return http.SendAsync(request);
    }

    public static bool IsBotMessage(JsonElement activity) =>
        activity.GetProperty("from").GetProperty("role").GetString() == "bot" && activity.GetProperty("type").GetString() == "message";

    public static string Text(JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";

    public static IReadOnlyList<(string Title, string Value)> Buttons(JsonElement activity) =>
        activity.TryGetProperty("suggestedActions", out var actions)
            ? actions.GetProperty("actions").EnumerateArray().Select(a => (a.GetProperty("title").GetString()!, a.GetProperty("value").GetString()!)).ToList()
            : [];

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new HttpRequestException($"{(int)response.StatusCode}: {body}");
        }
        return JsonDocument.Parse(body).RootElement.Clone();
    }

}
