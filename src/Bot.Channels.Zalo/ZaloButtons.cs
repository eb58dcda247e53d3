using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bot.Activities;

namespace Bot.Channels.Zalo;

/// <summary>
/// What an oa.query button sends back. Zalo keeps the buttons of old messages tappable, and a tap arrives
/// as plain text, so a "Khá" tapped under question 1 while question 3 is asked would answer question 3.
/// The payload therefore carries the key of the question it was sent with ("#3fa9c0e1b2d4 Khá", sent
/// hidden by oa.query.hide), and a tap is read back as a card answer is on Teams and Web Chat: the
/// answer as the message's text, the key in its value, where the stale-card route finds an old one.
/// </summary>
public static partial class ZaloButtons
{
    public static string Payload(string prompt, string answer) => $"#{prompt} {answer}";

    /// <summary>A tap's answer, with the question's key as a card answer's value; null for text a person typed.</summary>
    public static (string Answer, JsonElement Value)? Read(string? text)
    {
        if (text is null || Tap().Match(text) is not { Success: true } tap)
        {
            return null;
        }
        var answer = tap.Groups["answer"].Value;
        var value = new JsonObject { ["answer"] = answer, ["title"] = answer, ["prompt"] = tap.Groups["prompt"].Value };
        return (answer, JsonElement.Parse(value.ToJsonString()));
    }

    /// <summary>The key is <see cref="CardAnswer.KeyOf"/>'s: twelve lower-case hex digits.</summary>
    [GeneratedRegex(@"\A#(?<prompt>[0-9a-f]{12}) (?<answer>.+)\z", RegexOptions.Singleline)]
    private static partial Regex Tap();
}
