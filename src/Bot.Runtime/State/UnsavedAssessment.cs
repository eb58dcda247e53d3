namespace Bot.State;

/// <summary>
/// Scores and notes (evidence, or an appraiser's reasons) that a staff dialog decided on for one
/// commune's year and saved with the conversation, before the scoring core has them. The turn's
/// save keeps them; the write to the core happens after it, and the next time the draft is read
/// the entries the core now holds are dropped. So a rerun of the turn writes nothing twice, and a
/// core that cannot be reached loses nothing: what is left goes with the next write. They live
/// beside the dialog, not in it, so ending the dialog (a submission, a finished appraisal) keeps them.
/// </summary>
public sealed class UnsavedAssessment
{
    public required StaffMode Mode { get; set; }
    public required string CommuneId { get; set; }
    public required int Year { get; set; }
    public Dictionary<string, decimal> Scores { get; set; } = [];

    /// <summary>A note per leaf; "" takes a stored note away (an appraiser who keeps the commune's score needs no reason).</summary>
    public Dictionary<string, string> Notes { get; set; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Scores.Count == 0 && Notes.Count == 0;

    /// <summary>
    /// Makes the entries exactly how the conversation's copy differs from the core's: the scores it
    /// changed, and the notes it changed or took away ("").
    /// </summary>
    public void RecordChanges(IReadOnlyDictionary<string, decimal> stored, IReadOnlyDictionary<string, string> storedNotes,
        IReadOnlyDictionary<string, decimal> now, IReadOnlyDictionary<string, string> nowNotes)
    {
        Scores = now.Where(n => !stored.TryGetValue(n.Key, out var held) || held != n.Value).ToDictionary(StringComparer.Ordinal);
        Notes = nowNotes.Keys.Union(storedNotes.Keys, StringComparer.Ordinal)
            .Select(id => (Id: id, Now: nowNotes.GetValueOrDefault(id) ?? ""))
            .Where(n => n.Now != (storedNotes.GetValueOrDefault(n.Id) ?? ""))
            .ToDictionary(n => n.Id, n => n.Now, StringComparer.Ordinal);
    }

    /// <summary>Drops what the core already holds, then lays the rest over the core's copy (which the caller owns).</summary>
    public void SettleOnto(Dictionary<string, decimal> stored, Dictionary<string, string> storedNotes)
    {
        foreach (var (id, score) in Scores.ToList())
        {
            if (stored.TryGetValue(id, out var held) && held == score)
            {
                Scores.Remove(id);
            }
            else
            {
                stored[id] = score;
            }
        }
        foreach (var (id, note) in Notes.ToList())
        {
            var held = storedNotes.GetValueOrDefault(id) ?? "";
            if (held == note)
            {
                Notes.Remove(id);
            }
            else if (note.Length == 0)
            {
                storedNotes.Remove(id);
            }
            else
            {
                storedNotes[id] = note;
            }
        }
    }
}
