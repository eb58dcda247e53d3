using Scoring.Rules;

namespace Bot.Staff.Results;

/// <summary>
/// A commune's audit trail as an official reads it in chat. Self-scoring saves a draft with every
/// answer, so a trail is mostly dozens of drafts in a row, which pushed the submission, the
/// appraisal and the decisions out of the lines shown. A run of drafts by one person is one line;
/// every other change stands alone. The export keeps every change.
/// </summary>
public static class HistoryRuns
{
    /// <summary>Changes in order, each run of drafts by one person as one run (<see cref="Run.Count"/> of them).</summary>
    public static IReadOnlyList<Run> Of(IReadOnlyList<ResultChange> changes)
    {
        var runs = new List<Run>();
        foreach (var change in changes)
        {
            if (runs.Count > 0 && runs[^1] is { Last.Change: ResultChanges.SelfDraft } open
                && change.Change == ResultChanges.SelfDraft && change.By == open.Last.By)
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
