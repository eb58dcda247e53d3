using Scoring.Text;

namespace Bot.Dialogs;

/// <summary>
/// A unit's name as it reads inside a sentence: the directory writes "Xã Cẩm Vũ", "Phường Tứ Minh",
/// "Thị trấn Lai Cách" (a heading's form); mid-sentence Vietnamese writes the kind in lower case:
/// "chính quyền xã Cẩm Vũ", "của phường Tứ Minh". The proper name keeps its capitals. The same goes
/// for the units above a commune ("tỉnh Hải Dương"). The kinds are words of dialogs/text/bot.vi.json
/// ("words.communeKinds", "words.higherUnitKinds").
/// </summary>
public sealed class UnitNames
{
    // Each kind with the space that follows it in a name; matched whatever its capitals ("Thị Trấn Lai Cách").
    private readonly string[] _communeKinds;
    private readonly string[] _kinds;

    /// <summary>What a commune whose name does not say its kind is called: the first commune kind, "xã".</summary>
    private readonly string _defaultKind;

    /// <param name="communeKinds">The kinds of unit the scheme scores, "a|b|c", the usual one first.</param>
    /// <param name="higherKinds">The kinds of unit above them.</param>
    public UnitNames(string communeKinds, string higherKinds)
    {
        _communeKinds = [.. communeKinds.Split('|').Select(k => k.Trim() + " ")];
        _kinds = [.. _communeKinds, .. higherKinds.Split('|').Select(k => k.Trim() + " ")];
        _defaultKind = _communeKinds[0].Trim().ToLowerInvariant();
    }

    public static UnitNames From(TextCatalog catalog) =>
        new(catalog.Format("words.communeKinds"), catalog.Format("words.higherUnitKinds"));

    public string InSentence(string name) =>
        KindOf(name, _kinds) is { } kind ? kind.ToLowerInvariant() + name[kind.Length..] : name;

    /// <summary>The commune's own kind in lower case, for texts that name it: "xã", "phường" or "thị trấn" ("xã" when the name does not say).</summary>
    public string Kind(string name) =>
        KindOf(name, _communeKinds) is { } kind ? kind.Trim().ToLowerInvariant() : _defaultKind;

    /// <summary>The kind the name begins with, as the name writes it; null for none.</summary>
    private static string? KindOf(string name, string[] kinds)
    {
        foreach (var kind in kinds)
        {
            if (name.StartsWith(kind, StringComparison.OrdinalIgnoreCase))
            {
                return name[..kind.Length];
            }
        }
        return null;
    }

    /// <summary>
    /// <paramref name="text"/> with each <paramref name="placeholder"/> replaced by the unit's name as
    /// it reads there: as written where it begins the text or a line (a list item's "• " or "2. " before
    /// it included), in sentence form elsewhere.
    /// </summary>
    public string FillIn(string text, string placeholder, string name)
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
