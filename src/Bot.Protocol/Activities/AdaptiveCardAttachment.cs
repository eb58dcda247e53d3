using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Activities;

/// <summary>An Adaptive Card as a Bot Framework attachment: what Teams, Web Chat and the Emulator render.</summary>
public static class AdaptiveCardAttachment
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonElement Of(JsonElement card) =>
        JsonElement.Parse(new JsonObject { ["contentType"] = ContentType, ["content"] = JsonNode.Parse(card.GetRawText()) }.ToJsonString());
}
