using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Activities;
using Bot.Dialogs;
using Microsoft.Extensions.Options;

namespace Bot.Channels.Zalo;

/// <summary>How a send ended: delivered, kept for later (the user's 7-day window is closed), or failed.</summary>
public enum ZaloDelivery
{
    Sent,
    Kept,
    Failed,
}

/// <summary>
/// Replies through the OA v3 consultation message API (POST /v3.0/oa/message/cs, header
/// access_token). Zalo answers HTTP 200 with an "error" code: -216/-220 (token invalid or
/// expired) refresh the token and send once more; -32 (rate limit) waits and tries again;
/// -230 (the user has not written for 7 days) keeps the message for when they do.
/// </summary>
public sealed partial class ZaloClient(
    IHttpClientFactory httpClients, ZaloTokens tokens, IOptions<ZaloOptions> options, BotTexts texts, ILogger<ZaloClient> log)
{
    public const string HttpClientName = "zalo";
    public const int MaxText = 2000;
    private const int MaxButtons = 5;
    private const int MaxButtonTitle = 100;

    /// <summary>The messages one reply becomes: its text in pieces of at most 2,000 characters, the buttons on the last.</summary>
    public IReadOnlyList<JsonObject> Messages(Activity reply)
    {
        var actions = reply.SuggestedActions?.Actions ?? [];
        var asButtons = options.Value.Buttons && actions.Count is > 0 and <= MaxButtons;
        var text = reply.Text ?? "";
        if (actions.Count > 0 && !asButtons)
        {
            text = string.Join("\n", [text, .. actions.Select(a => texts.Format("zalo.choice", ("label", a.Title)))]);
        }
        var pieces = Split(text);
        var messages = pieces.Select(piece => new JsonObject { ["text"] = piece }).ToList();
        if (asButtons)
        {
            var prompt = CardAnswer.KeyOf(reply.Text);
            var buttons = new JsonArray([.. actions.Select(a => (JsonNode)new JsonObject
            {
                ["title"] = a.Title.Length > MaxButtonTitle ? a.Title[..MaxButtonTitle] : a.Title,
                ["type"] = "oa.query.hide",
                ["payload"] = ZaloButtons.Payload(prompt, a.Value),
            })]);
            messages[^1]["attachment"] = new JsonObject { ["type"] = "template", ["payload"] = new JsonObject { ["buttons"] = buttons } };
        }
        // A picture (a QR code) follows as its own media message, by address.
        foreach (var url in (reply.Attachments ?? []).Select(ImageAttachment.UrlOf).OfType<string>())
        {
            messages.Add(new JsonObject
            {
                ["attachment"] = new JsonObject
                {
                    ["type"] = "template",
                    ["payload"] = new JsonObject
                    {
                        ["template_type"] = "media",
                        ["elements"] = new JsonArray(new JsonObject { ["media_type"] = "image", ["url"] = url }),
                    },
                },
            });
        }
        return messages;
    }

    public async Task<ZaloDelivery> SendAsync(string userId, JsonObject message, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["recipient"] = new JsonObject { ["user_id"] = userId }, ["message"] = message }.ToJsonString();
        var token = await tokens.GetAsync(cancellationToken);
        var refreshed = false;
        var wait = options.Value.RateLimitBackoff;
        for (var waits = 0; ; )
        {
            var error = await PostAsync(body, token, cancellationToken);
            switch (error)
            {
                case 0:
                    return ZaloDelivery.Sent;
                case -216 or -220 when !refreshed:
                    refreshed = true;
                    token = await tokens.RefreshAsync(token, cancellationToken);
                    break;
                case -32 when waits++ < 3:
                    // Not sent: waiting and sending again cannot duplicate it.
                    LogRateLimited(wait);
                    await Task.Delay(wait, cancellationToken);
                    wait *= 2;
                    break;
                case -230 or -232:
                    LogWindowClosed(error);
                    return ZaloDelivery.Kept;
                default:
                    LogSendRefused(error);
                    return ZaloDelivery.Failed;
            }
        }
    }

    private async Task<int> PostAsync(string body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ApiBaseUrl, "/v3.0/oa/message/cs"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("access_token", token);
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync(ZaloJsonContext.Default.ZaloApiResult, cancellationToken);
        return result?.Error ?? int.MinValue;
    }

    /// <summary>Pieces of at most 2,000 UTF-16 units, cut at a line break or space where possible and never inside a letter with its tone mark.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var pieces = new List<string>();
        while (text.Length > MaxText)
        {
            var cut = text.LastIndexOf('\n', MaxText - 1) is var line and > MaxText / 2 ? line
                : text.LastIndexOf(' ', MaxText - 1) is var space and > MaxText / 2 ? space
                : LastElementBoundary(text, MaxText);
            pieces.Add(text[..cut].TrimEnd());
            text = text[cut..].TrimStart();
        }
        pieces.Add(text);
        return pieces;
    }

    private static int LastElementBoundary(string text, int limit)
    {
        var boundary = 0;
        foreach (var index in StringInfo.ParseCombiningCharacters(text))
        {
            if (index > limit)
            {
                break;
            }
            boundary = index;
        }
        return boundary > 0 ? boundary : limit;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo rate limit (-32); waiting {Wait} before sending again")]
    private partial void LogRateLimited(TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo would not deliver a reply (error {Error}: the user has not written for 7 days); kept until they write again")]
    private partial void LogWindowClosed(int error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo refused a reply with error {Error}")]
    private partial void LogSendRefused(int error);
}
