using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Activities;
using Bot.Dialogs;

namespace Bot.Channels.BotFramework;

/// <summary>
/// Questions on Teams as Adaptive Cards 1.5: each choice an Action.Execute (answered through an
/// adaptiveCard/action invoke, whose response replaces the card) with an Action.Submit fallback
/// for clients without Universal Actions. A card that has been answered is replaced by one that
/// shows the choice and has no buttons, so it cannot be answered twice.
/// </summary>
public sealed class TeamsCards(BotTexts texts)
{
    public const string Channel = "msteams";
    private const string Verb = "answer";

    /// <summary>A reply with buttons becomes a card on Teams; other replies and channels are left as they are.</summary>
    public static Activity Render(Activity reply)
    {
        if (reply.ChannelId != Channel || reply.SuggestedActions is not { Actions.Count: > 0 } suggested)
        {
            return reply;
        }
        var prompt = CardAnswer.KeyOf(reply.Text);
        var actions = new JsonArray();
        foreach (var action in suggested.Actions)
        {
            var data = new JsonObject { ["answer"] = action.Value, ["title"] = action.Title, ["prompt"] = prompt, ["question"] = reply.Text };
            actions.Add(new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = action.Title,
                ["verb"] = Verb,
                ["data"] = data,
                ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = action.Title, ["data"] = data.DeepClone() },
            });
        }
        reply.Attachments = [AdaptiveCardAttachment.Of(Card([TextBlock(reply.Text)], actions))];
        reply.SuggestedActions = null;
        reply.Text = null;
        return reply;
    }

    /// <summary>The card as it looks once answered: the question, the choice, no buttons.</summary>
    public JsonElement Answered(CardAnswer answer) =>
        Card([TextBlock(answer.Question), TextBlock(texts.Format("card.answered", ("answer", answer.Title)), emphasis: true)], []);

    private static JsonObject TextBlock(string? text, bool emphasis = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text ?? "", ["wrap"] = true };
        if (emphasis)
        {
            block["color"] = "good";
            block["weight"] = "bolder";
        }
        return block;
    }

    private static JsonElement Card(JsonArray body, JsonArray actions) => JsonElement.Parse(new JsonObject
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = body,
        ["actions"] = actions,
    }.ToJsonString());
}
