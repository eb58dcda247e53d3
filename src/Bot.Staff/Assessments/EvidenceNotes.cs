using System.Text.Json;
using Scoring.Text;

namespace Bot.Staff.Assessments;

/// <summary>An evidence note for a self-scored item, as the commune's staff type or attach it.</summary>
public static class EvidenceNotes
{
    /// <summary>The note as typed, with any files the channel attached referenced by name and address.</summary>
    public static string? From(StaffTurn staff, string text, StaffTexts texts)
    {
        var parts = new List<string>();
        if (text.Length > 0)
        {
            parts.Add(text);
        }
        foreach (var attachment in staff.Turn.Activity.Attachments ?? [])
        {
            if (attachment.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var name = OneLine(attachment, "name");
            var url = OneLine(attachment, "contentUrl");
            if (name is not null || url is not null)
            {
                parts.Add(texts.Format("self.attachment", ("name", string.Join(" ", new[] { name, url }.OfType<string>()))));
            }
        }
        var note = string.Join("\n", parts);
        return note.Length == 0 ? null : StaffTurn.Clip(note);
    }

    /// <summary>A property the channel set, as one printable line (the core keeps nothing else), or null.</summary>
    private static string? OneLine(JsonElement attachment, string property) =>
        attachment.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && PrintableText.Strip(value.GetString()!.Trim(), lines: false) is { Length: > 0 } line
            ? line
            : null;
}
