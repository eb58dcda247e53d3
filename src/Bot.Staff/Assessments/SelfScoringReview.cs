using System.Globalization;
using Bot.Activities;
using Bot.Dialogs;
using Bot.Staff.Dialogs;
using Bot.State;
using Scoring.Rules;
using Scoring.Scheme;
using Scoring.Text;

namespace Bot.Staff.Assessments;

/// <summary>
/// The end of self-scoring: the review of every item with the subtotals and the projection, the
/// check before submitting (nothing missing, not late), and the confirmed submission.
/// </summary>
public sealed class SelfScoringReview(ScoringRules rules, StaffTexts texts, BotTexts common, RubricWalk walk, ScoreProjection projection, SelfScoringDrafts drafts)
{
    private const int MissingListed = 10;

    private Rubric Rubric => rules.Scheme.Rubric;

    public async Task ReviewAsync(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft, CancellationToken cancellationToken)
    {
        progress.Awaiting = StaffAwaiting.Review;
        progress.Cursor = null;
        var b = rules.Assessment.Compute(draft.Items, null);
        var lines = new List<string> { texts.Format("self.reviewHeader", ("commune", progress.CommuneName), ("year", progress.Year)) };
        foreach (var criterion in Rubric.Criteria)
        {
            var score = b.Criteria.First(c => c.Id == criterion.Id);
            var leaves = Rubric.Leaves.Where(l => Rubric.CriterionOf(l) == criterion).ToList();
            // A criterion not begun is one line, not a line per item: on a phone, 48 lines of "chưa chấm" hide what was scored.
            if (!leaves.Any(l => draft.Items.ContainsKey(l.Id)))
            {
                lines.Add(texts.Format("self.reviewCriterionNone", ("no", walk.CriterionNumber(criterion)), ("count", leaves.Count), ("max", VietnameseFormat.Points(criterion.Max))));
                continue;
            }
            lines.Add(texts.Format("self.reviewCriterion", ("no", walk.CriterionNumber(criterion)), ("score", VietnameseFormat.Points(score.Self)), ("max", VietnameseFormat.Points(criterion.Max))));
            foreach (var leaf in leaves)
            {
                var evidence = draft.Evidence.ContainsKey(leaf.Id) ? texts.Text("self.reviewEvidence") : "";
                // An item not scored reads "chưa chấm (tối đa 1)", not "chưa chấm/1".
                lines.Add(draft.Items.TryGetValue(leaf.Id, out var value)
                    ? texts.Format("self.reviewLine", ("id", leaf.Id), ("max", VietnameseFormat.Points(leaf.Max)), ("score", VietnameseFormat.Points(value)), ("evidence", evidence))
                    : texts.Format("self.reviewLineNone", ("id", leaf.Id), ("max", VietnameseFormat.Points(leaf.Max)), ("evidence", evidence)));
            }
        }
        staff.Turn.Say(string.Join("\n", lines));
        var missing = rules.Assessment.MissingLeaves(draft.Items);
        if (missing.Count > 0)
        {
            staff.Turn.Say(texts.Format("self.unscored", ("count", missing.Count), ("items", MissingList(missing)), ("first", missing[0].Id)));
        }
        var (hint, button) = Hint(missing);
        staff.Turn.Say(await projection.DescribeAsync(progress.CommuneId, progress.Year, draft.Items, cancellationToken) + "\n" + hint,
            [CardAction.ImBack(button)], expectingInput: true);
    }

    /// <summary>After the review, a message that is no command gets the review's hint again, with its button.</summary>
    public void SayHint(StaffTurn staff, SelfScoringDraft draft)
    {
        var (hint, button) = Hint(rules.Assessment.MissingLeaves(draft.Items));
        staff.Turn.Say(hint, [CardAction.ImBack(button)], expectingInput: true);
    }

    // With items left, the button goes to the first of them: "Nộp" there could only be refused.
    private (string Hint, string Button) Hint(IReadOnlyList<RubricItem> missing) => missing.Count > 0
        ? (texts.Format("self.reviewHintMissing", ("first", missing[0].Id), ("total", Rubric.Leaves.Count)), Capitalised(texts.ItemWord.Canonical) + " " + missing[0].Id)
        : (texts.Text("self.reviewHint"), Capitalised(texts.Submit.Canonical));

    public void AskToSubmit(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft)
    {
        var missing = rules.Assessment.MissingLeaves(draft.Items);
        if (missing.Count > 0)
        {
            staff.Turn.Say(texts.Format("self.submitMissing", ("count", missing.Count), ("items", MissingList(missing)), ("first", missing[0].Id)));
            return;
        }
        if (drafts.IsLate(staff, progress.Year))
        {
            staff.Turn.Say(texts.Format("self.late", ("year", progress.Year), ("deadline", drafts.Deadline(progress.Year))));
            return;
        }
        progress.Awaiting = StaffAwaiting.Confirm;
        staff.Turn.Say(texts.Text("self.confirmSubmit"),
            [CardAction.ImBack(Capitalised(texts.Confirm.Canonical)), CardAction.ImBack(Capitalised(common.Back.Canonical))], expectingInput: true);
    }

    public void Confirm(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft, string key)
    {
        progress.Awaiting = StaffAwaiting.Review;
        if (!texts.Confirm.Matches(key) && !common.Accept.Matches(key))
        {
            staff.Turn.Say(texts.Text("self.notSubmitted"));
            return;
        }
        if (drafts.IsLate(staff, progress.Year))
        {
            staff.Turn.Say(texts.Format("self.late", ("year", progress.Year), ("deadline", drafts.Deadline(progress.Year))));
            return;
        }
        // The core's answer (submitted, or late by a minute) is said after the save; what is not
        // in the core yet stays beside the dialog, so the dialog can end now.
        drafts.SaveAfterTurn(staff, progress, draft, final: true);
        staff.EndDialog();
    }

    public void SayAlreadySubmitted(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft)
    {
        var b = rules.Assessment.Compute(draft.Items, null);
        staff.Turn.Say(texts.Format("self.alreadySubmitted", ("commune", progress.CommuneName), ("year", progress.Year), ("b", VietnameseFormat.Points(b.Self))));
        staff.EndDialog();
    }

    // "1.1.a, 1.2.a, … và 37 mục khác": a count the person can check, not a list that trails off.
    private string MissingList(IReadOnlyList<RubricItem> missing)
    {
        var listed = string.Join(", ", missing.Take(MissingListed).Select(m => m.Id));
        return missing.Count > MissingListed ? texts.Format("self.missingMore", ("items", listed), ("more", missing.Count - MissingListed)) : listed;
    }

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.GetCultureInfo("vi-VN")) + word[1..];
}
