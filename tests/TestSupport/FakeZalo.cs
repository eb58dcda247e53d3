using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TestSupport;

/// <summary>
/// Zalo on loopback, in its wire formats: the OAuth v4 token endpoint with single-use, rotating
/// refresh tokens, and the OA v3 consultation message API (errors as HTTP 200 with an "error"
/// code, scriptable). It also signs webhook events the way Zalo does, for tests to post.
/// </summary>
public sealed class FakeZalo : LoopbackFake
{
    public const string AppId = "360846524940903967";
    public const string OaId = "388613280878808645";
    public const string OaSecretKey = "oa-secret-key-for-tests";
    public const string AppSecret = "app-secret-for-tests";

    private readonly object _tokenLock = new();
    private int _generation;
    private string _accessToken = "";
    private int _msgIds;

    private FakeZalo(WebApplication app)
        : base(app)
    {
    }


    /// <summary>The refresh token that works now; each use replaces it.</summary>
    public string RefreshToken { get; private set; } = "refresh-0";

    public int Refreshes { get; private set; }

    /// <summary>Messages accepted for delivery: the user and the message object.</summary>
    public ConcurrentQueue<(string UserId, JsonObject Message)> Delivered { get; } = new();

    /// <summary>Every send attempt's error answer, in order (0 = delivered).</summary>
    public ConcurrentQueue<int> Answers { get; } = new();

    /// <summary>Error codes to answer the next sends with, before normal service resumes.</summary>
    public ConcurrentQueue<int> ScriptedErrors { get; } = new();

    public static async Task<FakeZalo> StartAsync()
    {
        var app = NewApp();
        var zalo = new FakeZalo(app);
        app.MapPost("/v4/oa/access_token", async (HttpRequest request) => Json(zalo.Refresh(request.Headers["secret_key"].ToString(), await request.ReadFormAsync())));
        app.MapPost("/v3.0/oa/message/cs", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            return Json(zalo.Send(request.Headers["access_token"].ToString(), body));
        });
        await app.StartAsync();
        return zalo;
    }

    /// <summary>The access token stops working now (as after 25 hours).</summary>
    public void ExpireAccessToken()
    {
        lock (_tokenLock)
        {
            _accessToken = "expired";
        }
    }

    private JsonObject Refresh(string secretKey, IFormCollection form)
    {
        lock (_tokenLock)
        {
            if (secretKey != AppSecret || form["app_id"] != AppId || form["grant_type"] != "refresh_token" || form["refresh_token"] != RefreshToken)
            {
                return new JsonObject { ["error"] = -14014, ["error_name"] = "Invalid refresh token", ["error_reason"] = "refresh token is invalid or used" };
            }
            _generation++;
            Refreshes++;
            _accessToken = $"access-{_generation}";
            RefreshToken = $"refresh-{_generation}";
            return new JsonObject { ["access_token"] = _accessToken, ["refresh_token"] = RefreshToken, ["expires_in"] = "90000" };
        }
    }

    private JsonObject Send(string accessToken, JsonObject body)
    {
        int error;
        lock (_tokenLock)
        {
            error = accessToken != _accessToken ? -216 : ScriptedErrors.TryDequeue(out var scripted) ? scripted : 0;
        }
        var userId = body["recipient"]?["user_id"]?.GetValue<string>() ?? "";
        var message = body["message"]?.AsObject();
        if (error == 0 && (userId.Length == 0 || message is null || (message["text"]?.GetValue<string>().Length ?? 0) > 2000))
        {
            error = -201; // invalid parameters
        }
        Answers.Enqueue(error);
        if (error != 0)
        {
            return new JsonObject { ["error"] = error, ["message"] = "scripted or invalid" };
        }
        Delivered.Enqueue((userId, (JsonObject)message!.DeepClone()));
        return new JsonObject
        {
            ["error"] = 0,
            ["message"] = "Success",
            ["data"] = new JsonObject { ["message_id"] = Guid.NewGuid().ToString("N"), ["user_id"] = userId, ["quota"] = new JsonObject { ["quota_type"] = "reply", ["remain"] = "7", ["total"] = "8" } },
        };
    }

    /// <summary>A user_send_text event as Zalo posts it (ids and timestamp as strings).</summary>
    public string TextEvent(string userId, string text, string? msgId = null, string eventName = "user_send_text") =>
        UserEvent(userId, eventName, new JsonObject { ["text"] = text, ["msg_id"] = msgId ?? NewMessageId() });

    /// <summary>A sticker or a voice message (user_send_sticker, user_send_audio): attachments, no text, as Zalo sends them.</summary>
    public string AttachmentEvent(string userId, string eventName, string type, string url) =>
        UserEvent(userId, eventName, new JsonObject
        {
            ["msg_id"] = NewMessageId(),
            ["attachments"] = new JsonArray(new JsonObject { ["type"] = type, ["payload"] = new JsonObject { ["url"] = url } }),
        });

    private static string UserEvent(string userId, string eventName, JsonObject message) => new JsonObject
    {
        ["app_id"] = AppId,
        ["sender"] = new JsonObject { ["id"] = userId },
        ["user_id_by_app"] = "552177279717587730",
        ["recipient"] = new JsonObject { ["id"] = OaId },
        ["event_name"] = eventName,
        ["message"] = message,
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private string NewMessageId() => $"msg{Interlocked.Increment(ref _msgIds):D6}{Guid.NewGuid():N}"[..24];

    /// <summary>"mac=" + hex SHA-256 of app id + body + the body's timestamp + OA secret key.</summary>
    public static string Sign(string body, string secret = OaSecretKey)
    {
        var timestamp = JsonNode.Parse(body)!["timestamp"]!.GetValue<string>();
        return "mac=" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AppId + body + timestamp + secret)));
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}
