using Bot.CoreClient;
using Bot.State;
using Scoring.Rules;
using Scoring.Text;
using ScoringCore.Contracts;

namespace Bot.Staff.Assessments;

/// <summary>
/// The appraisal's writes to the scoring core, after the turn's save: what the turn changed is
/// recorded beside the dialog first (<see cref="UnsavedAssessment"/>), then the appraisal as the
/// turn leaves it is written once. A walk that ends with the turn has its totals said after that
/// write, so they include it; a write that fails is said, and its entries go with the next one.
/// </summary>
public sealed class AppraisalWrites(ScoringRules rules, ScoringCoreClient core, StaffTexts texts)
{
    public void SaveAfterTurn(StaffTurn staff, AppraisalFrame progress, AppraisalWork work, bool finishing = false)
    {
        work.Finishing |= finishing;
        var (communeId, communeName, year) = (progress.CommuneId, progress.CommuneName, progress.Year);
        var unsaved = staff.Turn.State.UnsavedFor(StaffMode.Appraisal, communeId, year);
        unsaved.RecordChanges(work.Stored.Items, work.Stored.Reasons, work.Appraised, work.Reasons);
        staff.Turn.State.DropSettled();
        if (unsaved.IsEmpty)
        {
            if (work.Finishing)
            {
                // Nothing left to write: the totals can be read at once.
                staff.Turn.AfterSaveOnce(work, token => SayDoneAsync(staff, communeId, communeName, year, work, token));
            }
            return;
        }
        // One write per turn, of the appraisal as the turn leaves it.
        staff.Turn.AfterSaveOnce(work, async token =>
        {
            var saved = await core.SaveAppraisalAsync(communeId, year, new AppraisalRequest(work.Appraised, work.Reasons.AsNullableValues(), staff.Signature), token);
            if (saved.Outcome == CoreOutcome.Refused)
            {
                staff.Turn.Say(texts.CoreFailure(saved));
            }
            else if (!saved.Ok)
            {
                staff.Turn.Say(work.Finishing ? texts.Format("appraise.unsavedAtEnd", ("commune", communeName)) : texts.Text("appraise.unsaved"));
            }
            else if (work.Finishing)
            {
                await SayDoneAsync(staff, communeId, communeName, year, work, token);
            }
        });
    }

    private async Task SayDoneAsync(StaffTurn staff, string communeId, string communeName, int year, AppraisalWork work, CancellationToken cancellationToken)
    {
        var card = await core.GetScorecardAsync(communeId, year, cancellationToken);
        var b = rules.Assessment.Compute(work.Self.Items, work.Appraised);
        staff.Turn.Say(card.Ok
            ? texts.Format("appraise.done", ("commune", communeName), ("self", VietnameseFormat.Points(b.Self)), ("appraised", VietnameseFormat.Points(b.Final)),
                ("total", VietnameseFormat.Points(card.Value!.Total)), ("level", card.Value.LevelName))
            : texts.Text("staff.coreDown"));
    }
}

/// <summary>The submitted self-assessment, the core's appraisal as read, and the appraisal as this conversation has it.</summary>
public sealed record AppraisalWork(SelfAssessmentRecord Self, AppraisalRecord Stored, Dictionary<string, decimal> Appraised, Dictionary<string, string> Reasons)
{
    /// <summary>The walk ends with this turn: the totals are said after the write.</summary>
    public bool Finishing { get; set; }
}
