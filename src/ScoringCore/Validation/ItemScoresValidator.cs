using Scoring.Rules;
using Scoring.Text;
using ScoringCore.Api;

namespace ScoringCore.Validation;

/// <summary>Checks a map of rubric item scores (self-assessment or appraisal) and its notes map.</summary>
public sealed class ItemScoresValidator(ScoringRules rules, ApiProblems problems)
{
    public ApiError? CheckScores(IReadOnlyDictionary<string, decimal> items)
    {
        // Rubric order, so the first problem reported is the first a person would meet on paper.
        foreach (var (id, value) in items.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            if (rules.Assessment.Check(id, value) is not { } defect)
            {
                continue;
            }
            var field = $"items.{id}";
            return defect.Kind switch
            {
                ItemDefectKind.Unknown => problems.BadRequest(field, "items.unknown", ("item", id)),
                ItemDefectKind.NotALeaf => problems.BadRequest(field, "items.notLeaf", ("item", id)),
                ItemDefectKind.Negative => problems.BadRequest(field, "items.negative", ("item", id)),
                ItemDefectKind.AboveMax => problems.BadRequest(field, "items.aboveMax", ("item", id), ("max", VietnameseFormat.Points(defect.Item!.Max))),
                _ => problems.BadRequest(field, "items.offStep", ("item", id), ("step", VietnameseFormat.Points(rules.Scheme.Rubric.ScoreStep)),
                    ("allowed", VietnameseFormat.PointsList(rules.Assessment.AllowedValues(defect.Item!)))),
            };
        }
        return null;
    }

    /// <summary>Notes (evidence or reasons) may only be given for leaves, each at most 2,000 printable characters.</summary>
    public (Dictionary<string, string> Notes, ApiError? Error) CheckNotes(string name, IReadOnlyDictionary<string, string?>? notes)
    {
        var clean = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, note) in notes ?? new Dictionary<string, string?>())
        {
            var field = $"{name}.{id}";
            if (rules.Scheme.Rubric.Find(id) is not { IsLeaf: true })
            {
                return (clean, problems.BadRequest(field, "items.noteForUnknown", ("item", id)));
            }
            if (problems.CheckText(field, note, AssessmentScoring.MaxNoteLength, required: false, lines: true) is { } noteError)
            {
                return (clean, noteError);
            }
            if (!string.IsNullOrWhiteSpace(note))
            {
                clean[id] = note.Trim();
            }
        }
        return (clean, null);
    }

    /// <summary>Points as Vietnamese write them: a decimal comma, no trailing zeros (0,5; 7). No ICU needed.</summary>
}
