namespace Bot.Dialogs;

/// <summary>
/// A unit's name as it reads inside a sentence: the directory writes "Xã Cẩm Vũ", "Phường Tứ Minh",
/// "Thị trấn Lai Cách" (a heading's form); mid-sentence Vietnamese writes the kind in lower case:
/// "chính quyền xã Cẩm Vũ", "của phường Tứ Minh". The proper name keeps its capitals.
/// </summary>
public static class UnitNames
{
    private static readonly string[] Kinds = ["Xã ", "Phường ", "Thị trấn ", "Thị Trấn "];

    public static string InSentence(string name) =>
        Kinds.FirstOrDefault(k => name.StartsWith(k, StringComparison.Ordinal)) is { } kind
            ? kind.ToLowerInvariant() + name[kind.Length..]
            : name;

    /// <summary>The unit's own kind in lower case, for texts that name it: "xã", "phường" or "thị trấn" ("xã" when the name does not say).</summary>
    public static string Kind(string name) =>
        Kinds.FirstOrDefault(k => name.StartsWith(k, StringComparison.Ordinal)) is { } kind ? kind.Trim().ToLowerInvariant() : "xã";
}
