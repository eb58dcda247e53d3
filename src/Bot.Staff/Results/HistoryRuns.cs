using Scoring.Rules;

namespace Bot.Staff.Results;

/// <summary>
/// A commune's audit trail as an official reads it in chat. Self-scoring saves a draft with every
/// answer, so a trail is mostly dozens of drafts in a row, which pushed the submission, the
/// appraisal and the decisions out of the lines shown. A run of drafts by one person is one line, and
/// so is a run of the same change with the same detail and reason by one person (an appraisal is saved
/// at every item, so agreeing item after item saved "B = 72" each time); every other change stands
/// alone, so an appraisal that moved B is a line at each step. The export keeps every change.
/// </summary>
public static class HistoryRuns
{
    /// <summary>Changes in order, each run of drafts, or of one same change, by one person as one run (<see cref="Run.Count"/> of them).</summary>
    public static IReadOnlyList<Run> Of(IReadOnlyList<ResultChange> changes)
    {
        var runs = new List<Run>();
        foreach (var change in changes)
        {
            if (runs.Count > 0 && runs[^1] is var open && change.By == open.Last.By && change.Change == open.Last.Change
                && (change.Change == ResultChanges.SelfDraft || (change.Detail == open.Last.Detail && change.Reason == open.Last.Reason)))
            {
                runs[^1] = open with { Last = change, Count = open.Count + 1 };
            }
            else
            {
                runs.Add(new Run(change, change, 1));
            }
        }
        return runs;
    }

    /// <summary>One line's worth: the first and last change of the run, and how many there were.</summary>
    public sealed record Run(ResultChange First, ResultChange Last, int Count);
}
