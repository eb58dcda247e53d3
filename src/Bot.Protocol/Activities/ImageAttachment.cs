using System.Text.Json;

namespace Bot.Activities;

/// <summary>A picture sent with a reply (a QR code to show a citizen): by address, as every channel we speak can show one.</summary>
public static class ImageAttachment
{
    public const string PngContentType = "image/png";

    public static JsonElement Png(string url, string name) =>
        JsonSerializer.SerializeToElement(new ImageAttachmentBody(PngContentType, url, name), BotJsonContext.Default.ImageAttachmentBody);

    /// <summary>The address of an image attachment, or null for any other kind.</summary>
    public static string? UrlOf(JsonElement attachment) =>
        attachment.TryGetProperty("contentType", out var type) && type.GetString()?.StartsWith("image/", StringComparison.Ordinal) == true
        && attachment.TryGetProperty("contentUrl", out var url) && url.ValueKind == JsonValueKind.String
            ? url.GetString()
            : null;
}

/// <summary>The Bot Framework attachment shape for a picture by address.</summary>
public sealed record ImageAttachmentBody(string ContentType, string ContentUrl, string Name);
