using System.Text;

namespace Scoring.Text;

/// <summary>
/// The Vietnamese texts from dialogs/text/*.json, keyed by id. Placeholders are written {name}
/// and filled by name, so a translator can reorder them freely.
/// </summary>
public sealed class TextCatalog(IReadOnlyDictionary<string, string> texts)
{
    public bool Contains(string key) => texts.ContainsKey(key);

    /// <summary>The text for <paramref name="key"/> with each {name} replaced by its value.</summary>
    public string Format(string key, params (string Name, object? Value)[] values)
    {
        if (!texts.TryGetValue(key, out var template))
        {
            // Start-up checks that every key in use exists; this is a programming error.
            throw new KeyNotFoundException($"No text '{key}' in dialogs/text.");
        }
        return Fill(template, values);
    }

    /// <summary><paramref name="template"/> with each {name} replaced by its value.</summary>
    public static string Fill(string template, params (string Name, object? Value)[] values)
    {
        if (values.Length == 0)
        {
            return template;
        }
        var text = new StringBuilder(template);
        foreach (var (name, value) in values)
        {
            text.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
