namespace Bot.CoreClient;

public static class NotesForTheWire
{
    /// <summary>
    /// Notes as the core's requests declare them: nullable values, since a client may send null for
    /// a note it clears. The bot never does; this only widens the type for the compiler.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> AsNullableValues(this Dictionary<string, string> notes) =>
        notes.ToDictionary(n => n.Key, string? (n) => n.Value, StringComparer.Ordinal);
}
