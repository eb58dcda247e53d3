namespace Bot.Dialogs;

/// <summary>
/// Elderly people answer politely: "dạ tốt", "tốt ạ", "vâng, khá ạ", "thưa, bình thường". The
/// particles around an answer are not the answer; this takes them off a key (<see cref="TextNormalizer.Key"/>),
/// and is only tried after the whole text failed to match, so a word that is an answer on its own stays one.
/// </summary>
public static class Politeness
{
    // Longest first, so "da vang" goes before "da".
    private static readonly string[] Leading = ["da vang", "vang da", "da thua", "thua ong", "thua ba", "da", "vang", "thua", "uh", "u"];
    private static readonly string[] Trailing = ["a nhe", "a nha", "a", "nhe", "nha", "day", "ah", "roi"];

    public static string Strip(string key)
    {
        var stripped = key;
        while (true)
        {
            var before = stripped;
            if (Leading.FirstOrDefault(w => stripped.StartsWith(w + " ", StringComparison.Ordinal)) is { } lead)
            {
                stripped = stripped[(lead.Length + 1)..];
            }
            if (Trailing.FirstOrDefault(w => stripped.EndsWith(" " + w, StringComparison.Ordinal)) is { } trail)
            {
                stripped = stripped[..^(trail.Length + 1)];
            }
            if (stripped == before)
            {
                return stripped;
            }
        }
    }
}
