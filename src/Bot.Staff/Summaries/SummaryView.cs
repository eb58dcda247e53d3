using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Activities;

namespace Bot.Staff.Summaries;

/// <summary>
/// A summary as both plain text (every channel, and the fallback) and an Adaptive Card: a title,
/// facts as label/value pairs, and notes underneath; with a chart, its picture under the title.
/// </summary>
public sealed record SummaryView(string Title, IReadOnlyList<(string Label, string Value)> Facts, IReadOnlyList<string> Notes, string? ChartUrl = null)
{
    /// <summary>Channels whose clients render Adaptive Cards; Zalo and others get the text alone.</summary>
    private static readonly HashSet<string> CardChannels = ["msteams", "webchat", "directline", "emulator"];

    public string Text => string.Join("\n", [Title, .. Facts.Select(f => $"{f.Label}: {f.Value}"), .. Notes]);

    public static bool RendersCards(string channelId) => CardChannels.Contains(channelId);

    public JsonElement Card()
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = Title, ["weight"] = "bolder", ["size"] = "medium", ["wrap"] = true },
        };
        if (ChartUrl is not null)
        {
            body.Add(new JsonObject { ["type"] = "Image", ["url"] = ChartUrl, ["altText"] = Title, ["size"] = "stretch" });
        }
        body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray([.. Facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value })]),
            });
        // A note over several lines (a list) is a text block a line: a card's Markdown reads a single line break as a space.
        foreach (var note in Notes)
        {
            var lines = note.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = lines[i], ["wrap"] = true, ["spacing"] = i == 0 ? "small" : "none" });
            }
        }
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        return AdaptiveCardAttachment.Of(JsonElement.Parse(card.ToJsonString()));
    }
}
