using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Bot.Activities;

/// <summary>
/// What a button on a card sends back (Action.Submit's value, Action.Execute's data): the answer,
/// its label, the question it answered, and a key of that question, so the bot can tell a click
/// on an old card from an answer to the question it is asking now.
/// </summary>
public sealed record CardAnswer(string Answer, string Title, string? Prompt, string? Question)
{
    /// <summary>A short key of a prompt's text; the same question asked again has the same key.</summary>
    public static string KeyOf(string? text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text ?? "")).AsSpan(0, 6));

    public static CardAnswer? Read(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } element || String(element, "answer") is not { Length: > 0 } answer)
        {
            return null;
        }
        return new CardAnswer(answer, String(element, "title") ?? answer, String(element, "prompt"), String(element, "question"));
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
