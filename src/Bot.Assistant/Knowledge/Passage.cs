namespace Bot.Assistant.Knowledge;

/// <summary>Where a passage comes from, which decides how it is cited and whether an item's points can be read from it.</summary>
public enum PassageKind
{
    RubricItem,
    Scheme,
    Form,
    Source,
}

/// <summary>
/// One quotable piece of the scheme: <see cref="Text"/> is what an answer quotes, <see cref="Citation"/>
/// names the document and the item or section, and <see cref="Label"/> is the short tag the model
/// cites ("4.5", "DA-12"). <see cref="SearchText"/> is what the index reads; it may add titles.
/// </summary>
public sealed record Passage(string Label, PassageKind Kind, string Citation, string Text, string SearchText, string? ItemId = null);
