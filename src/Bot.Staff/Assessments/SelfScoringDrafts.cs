using Bot.CoreClient;
using Bot.Dialogs;
using Bot.Staff.Dialogs;
using Bot.State;
using Scoring.Rules;
using Scoring.Text;
using ScoringCore.Contracts;

namespace Bot.Staff.Assessments;

/// <summary>
/// A commune's self-assessment as the self-scoring dialog works on it: the scoring core's copy with
/// what this conversation has not managed to save yet on top, written whole after the turn's save
/// (or kept while the core cannot be reached), and its deadline.
/// </summary>
public sealed class SelfScoringDrafts(ScoringRules rules, ScoringCoreClient core, StaffTexts texts, BotTexts common, RubricWalk walk)
{
    /// <summary>What this conversation has decided for the commune's year and the core may not hold yet.</summary>
    public static UnsavedAssessment Unsaved(StaffTurn staff, SelfScoringFrame progress) =>
        staff.Turn.State.UnsavedFor(StaffMode.SelfScoring, progress.CommuneId, progress.Year);

    /// <summary>The draft in the core, with whatever this conversation has not managed to save yet on top.</summary>
    public async Task<SelfScoringDraft?> LoadAsync(StaffTurn staff, SelfScoringFrame progress, CancellationToken cancellationToken)
    {
        var stored = await core.GetAssessmentAsync(progress.CommuneId, progress.Year, cancellationToken);
        if (!stored.Ok)
        {
            return null;
        }
        var self = stored.Value!.Self;
        var items = new Dictionary<string, decimal>(self?.Items ?? new Dictionary<string, decimal>(), StringComparer.Ordinal);
        var evidence = new Dictionary<string, string>(self?.Evidence ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (self?.Final == true)
        {
            // Submitted (from here or elsewhere): a draft can no longer change it.
            staff.Turn.State.ForgetUnsaved(StaffMode.SelfScoring, progress.CommuneId, progress.Year);
        }
        else
        {
            staff.Turn.State.SettleUnsaved(StaffMode.SelfScoring, progress.CommuneId, progress.Year, items, evidence);
        }
        return new SelfScoringDraft(items, evidence, self?.Final == true);
    }

    /// <summary>
    /// Writes the whole draft, as this turn leaves it, once the turn is saved. If the core cannot be
    /// reached the scores stay in the conversation and go with the next write; a refusal is shown as
    /// the core explained it. A submission says so when the core has it.
    /// </summary>
    public void SaveAfterTurn(StaffTurn staff, SelfScoringFrame progress, SelfScoringDraft draft, bool final)
    {
        draft.Submit |= final;
        var (communeId, communeName, year) = (progress.CommuneId, progress.CommuneName, progress.Year);
        // One write per turn, of the draft as the turn leaves it (a bare score after an evidence note changes it twice).
        staff.Turn.AfterSaveOnce(draft, async token =>
        {
            var request = new SelfAssessmentRequest(draft.Items, draft.Evidence.AsNullableValues(), staff.Signature, draft.Submit);
            var saved = await core.SaveSelfAssessmentAsync(communeId, year, request, token);
            switch (saved.Outcome)
            {
                case CoreOutcome.Ok when draft.Submit:
                    var b = rules.Assessment.Compute(draft.Items, null);
                    staff.Turn.Say(texts.Format("self.submitted", ("commune", communeName), ("year", year), ("b", VietnameseFormat.Points(b.Self))));
                    break;
                case CoreOutcome.Ok:
                    break;
                case CoreOutcome.Refused when saved.Status == 409 && draft.Submit:
                    staff.Turn.Say(texts.Format("self.late", ("year", year), ("deadline", Deadline(year))));
                    break;
                case CoreOutcome.Refused:
                    staff.Turn.Say(texts.CoreFailure(saved));
                    break;
                default:
                    staff.Turn.Say(texts.Text(draft.Submit ? "staff.coreDown" : "self.unsaved"));
                    break;
            }
        });
    }

    /// <summary>
    /// The core cannot be read: a valid score or an evidence note is still kept (in the
    /// conversation, saved with the next answer that reaches the core) and the walk moves on.
    /// </summary>
    public bool KeepWhileCoreDown(StaffTurn staff, SelfScoringFrame progress, string text)
    {
        if (progress.Cursor is not { } leafId)
        {
            return false;
        }
        var unsaved = Unsaved(staff, progress);
        if (progress.Awaiting == StaffAwaiting.Evidence && EvidenceNotes.From(staff, text, texts) is { } note && !common.Skip.Matches(TextNormalizer.Key(text)))
        {
            unsaved.Notes[leafId] = note;
        }
        else if (progress.Awaiting == StaffAwaiting.Score && walk.ReadScore(text, leafId) is { } read && rules.Assessment.Check(leafId, read.Score) is null)
        {
            unsaved.Scores[leafId] = read.Score;
            if (read.Note is { } inline)
            {
                unsaved.Notes[leafId] = inline;
            }
        }
        else
        {
            return false;
        }
        progress.Awaiting = StaffAwaiting.Score;
        progress.Cursor = walk.Next(leafId, unsaved.Scores.ContainsKey, progress.Skipped);
        staff.Turn.Say(texts.Format("self.keptOffline", ("id", leafId), ("next", progress.Cursor ?? "")), expectingInput: true);
        return true;
    }

    public bool IsLate(StaffTurn staff, int year) => staff.Turn.Now >= rules.Calendar.SelfAssessmentDeadline(year);

    public string Deadline(int year) => VietnameseFormat.Date(rules.Calendar.SelfAssessmentDeadline(year));
}

/// <summary>The self-assessment being worked on: the core's copy with unsaved answers on top.</summary>
public sealed record SelfScoringDraft(Dictionary<string, decimal> Items, Dictionary<string, string> Evidence, bool Final)
{
    /// <summary>This turn's write after the save submits it.</summary>
    public bool Submit { get; set; }
}
