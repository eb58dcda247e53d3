using System.Text;
using System.Text.Json.Nodes;
using Bot.Channels.Zalo;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Zalo;

/// <summary>One Zalo user writing to the OA: signed webhook events posted to the bot, replies read at the fake Zalo.</summary>
public sealed class ZaloChat(BotApp bot, FakeZalo zalo)
{
    public string UserId { get; } = "2468" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999);

    public static BotApp Configure(BotApp bot, FakeZalo zalo)
    {
        bot.Settings["Zalo:AppId"] = FakeZalo.AppId;
        bot.Settings["Zalo:OaId"] = FakeZalo.OaId;
        bot.Settings["Zalo:OaSecretKey"] = FakeZalo.OaSecretKey;
        bot.Settings["Zalo:AppSecret"] = FakeZalo.AppSecret;
        bot.Settings["Zalo:RefreshToken"] = zalo.RefreshToken;
        bot.Settings["Zalo:ApiBaseUrl"] = zalo.BaseUrl;
        bot.Settings["Zalo:OAuthBaseUrl"] = zalo.BaseUrl;
        bot.Settings["Zalo:RateLimitBackoff"] = "00:00:00.010";
        return bot;
    }

    /// <summary>Posts a signed text event and waits until its turn has run.</summary>
    public async Task<HttpResponseMessage> SayAsync(string text, string? msgId = null) => await PostAsync(zalo.TextEvent(UserId, text, msgId));

    public async Task<HttpResponseMessage> PostAsync(string body, string? signature = null, string? retry = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/zalo") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-ZEvent-Signature", signature ?? FakeZalo.Sign(body));
        if (retry is not null)
        {
            request.Headers.Add("num_retry", retry);
        }
        var response = await bot.CreateClient().SendAsync(request);
        await bot.Services.GetRequiredService<ZaloTurns>().IdleAsync();
        return response;
    }

    /// <summary>What the OA has delivered to this user so far.</summary>
    public IReadOnlyList<JsonObject> Received() => [.. zalo.Delivered.Where(d => d.UserId == UserId).Select(d => d.Message)];

    public static string Text(JsonObject message) => message["text"]!.GetValue<string>();

    /// <summary>What the message's buttons show a person.</summary>
    public static IReadOnlyList<string> Buttons(JsonObject message) => Field(message, "title");

    /// <summary>What a tap on each button sends back to the OA (its oa.query payload).</summary>
    public static IReadOnlyList<string> Taps(JsonObject message) => Field(message, "payload");

    private static List<string> Field(JsonObject message, string name) =>
        message["attachment"]?["payload"]?["buttons"]?.AsArray().Select(b => b![name]!.GetValue<string>()).ToList() ?? [];
}
