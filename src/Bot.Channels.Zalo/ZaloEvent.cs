using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Channels.Zalo;

/// <summary>An OA webhook event (ids and timestamps are strings on the wire; ids overflow doubles).</summary>
public sealed record ZaloEvent(
    [property: JsonPropertyName("app_id")] string? AppId,
    [property: JsonPropertyName("event_name")] string? EventName,
    [property: JsonPropertyName("sender")] ZaloParty? Sender,
    [property: JsonPropertyName("recipient")] ZaloParty? Recipient,
    [property: JsonPropertyName("follower")] ZaloParty? Follower,
    [property: JsonPropertyName("oa_id")] string? OaId,
    [property: JsonPropertyName("message")] ZaloMessage? Message,
    [property: JsonPropertyName("timestamp")] string? Timestamp)
{
    /// <summary>The event in a raw webhook body, or null when the body is not one.</summary>
    public static ZaloEvent? Parse(string rawEvent)
    {
        try
        {
            return JsonSerializer.Deserialize(rawEvent, ZaloJsonContext.Default.ZaloEvent);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record ZaloParty([property: JsonPropertyName("id")] string? Id);

public sealed record ZaloMessage(
    [property: JsonPropertyName("msg_id")] string? MsgId,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("attachments")] List<ZaloAttachment>? Attachments);

public sealed record ZaloAttachment(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("payload")] ZaloAttachmentPayload? Payload);

public sealed record ZaloAttachmentPayload([property: JsonPropertyName("url")] string? Url);

/// <summary>Zalo's answer envelope: "error" 0 is success, whatever the HTTP status.</summary>
public sealed record ZaloApiResult(
    [property: JsonPropertyName("error")] int Error,
    [property: JsonPropertyName("message")] string? Message);

/// <summary>The OAuth v4 token answer; expires_in is a string of seconds.</summary>
public sealed record ZaloTokenResult(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] JsonElement? ExpiresIn,
    [property: JsonPropertyName("error")] int? Error);

[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ZaloEvent))]
[JsonSerializable(typeof(ZaloApiResult))]
[JsonSerializable(typeof(ZaloTokenResult))]
internal sealed partial class ZaloJsonContext : JsonSerializerContext;
