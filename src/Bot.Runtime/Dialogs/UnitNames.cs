namespace Bot.Dialogs;

/// <summary>
/// A unit's name as it reads inside a sentence: the directory writes "Xã Cẩm Vũ", "Phường Tứ Minh",
/// "Thị trấn Lai Cách" (a heading's form); mid-sentence Vietnamese writes the kind in lower case:
/// "chính quyền xã Cẩm Vũ", "của phường Tứ Minh". The proper name keeps its capitals. The same goes
/// for the units above a commune ("tỉnh Hải Dương").
/// </summary>
public static class UnitNames
{
    private static readonly string[] CommuneKinds = ["Xã ", "Phường ", "Thị trấn ", "Thị Trấn "];
    private static readonly string[] Kinds = [.. CommuneKinds, "Tỉnh ", "Thành phố ", "Huyện ", "Thị xã ", "Quận "];

    public static string InSentence(string name) =>
        Kinds.FirstOrDefault(k => name.StartsWith(k, StringComparison.Ordinal)) is { } kind
            ? kind.ToLowerInvariant() + name[kind.Length..]
            : name;

    /// <summary>The commune's own kind in lower case, for texts that name it: "xã", "phường" or "thị trấn" ("xã" when the name does not say).</summary>
    public static string Kind(string name) =>
        CommuneKinds.FirstOrDefault(k => name.StartsWith(k, StringComparison.Ordinal)) is { } kind ? kind.Trim().ToLowerInvariant() : "xã";

    /// <summary>
    /// <paramref name="text"/> with each <paramref name="placeholder"/> replaced by the unit's name as
    /// it reads there: as written where it begins the text or a line (a list item's "• " or "2. " before
    /// it included), in sentence form elsewhere.
    /// </summary>
    public static string FillIn(string text, string placeholder, string name)
    {
        var at = text.IndexOf(placeholder, StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }
        var filled = new System.Text.StringBuilder(text.Length + name.Length);
        var from = 0;
        for (; at >= 0; at = text.IndexOf(placeholder, from, StringComparison.Ordinal))
        {
            filled.Append(text, from, at - from).Append(BeginsLine(text, at) ? name : InSentence(name));
            from = at + placeholder.Length;
        }
        return filled.Append(text, from, text.Length - from).ToString();
    }

    /// <summary>At the start of a line, or of a list item: after "• ", "- " or a number ("2. ", or "{rank}. " still to be filled).</summary>
    private static bool BeginsLine(string text, int at)
    {
        var lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        var before = text.AsSpan(lineStart, at - lineStart).Trim(" •-");
        return before.IsEmpty || (before.Length > 1 && before[^1] == '.' && IsNumber(before[..^1]));
    }

    private static bool IsNumber(ReadOnlySpan<char> text) =>
        !text.ContainsAnyExceptInRange('0', '9') || (text[0] == '{' && text[^1] == '}' && !text.Contains(' '));
}
