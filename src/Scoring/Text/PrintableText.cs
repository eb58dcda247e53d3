namespace Scoring.Text;

/// <summary>
/// What the free text both services keep may hold: names, reasons, notes, evidence, who decided.
/// They are read back in chat, on scorecards and in the Excel export, whose XML cannot carry a
/// control character at all: a unit named "\u0000" once made a province's export fail. Line breaks
/// and tabs are text only where a text may run over several lines (notes, reasons, evidence).
/// </summary>
public static class PrintableText
{
    /// <summary>The first character of <paramref name="text"/> it may not hold, or null when it is all printable.</summary>
    public static char? FirstUnprintable(string text, bool lines)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsPrintable(text, i, lines))
            {
                return text[i];
            }
        }
        return null;
    }

    /// <summary>How a refusal names the character: "U+0000".</summary>
    public static string Code(char c) => $"U+{(int)c:X4}";

    /// <summary>
    /// <paramref name="text"/> without what it may not hold: typed chat text before anything reads
    /// it, and texts kept before this rule when an export writes them.
    /// </summary>
    public static string Strip(string text, bool lines)
    {
        if (FirstUnprintable(text, lines) is null)
        {
            return text;
        }
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPrintable(text, i, lines))
            {
                kept.Append(text[i]);
            }
        }
        return kept.ToString();
    }

    private static bool IsPrintable(string text, int i, bool lines)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        }
        if (char.IsLowSurrogate(c))
        {
            return i > 0 && char.IsHighSurrogate(text[i - 1]);
        }
        if (c is '\n' or '\r' or '\t')
        {
            return lines;
        }
        // Controls (C0, DEL, C1) and the two non-characters XML refuses.
        return !char.IsControl(c) && c is not ('\uFFFE' or '\uFFFF');
    }
}
