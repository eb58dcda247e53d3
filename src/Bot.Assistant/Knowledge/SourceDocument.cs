namespace Bot.Assistant.Knowledge;

/// <summary>A source text listed in dialogs/sources/sources.json.</summary>
public sealed record SourceDocument(string Id, string File, string Title, string ShortTitle, bool SkipTableRows);

public sealed record SourceManifest(IReadOnlyList<SourceDocument> Documents);
