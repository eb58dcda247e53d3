using Bot.CoreClient;
using Bot.Dialogs;
using Bot.State;
using Scoring.Rules;
using Scoring.Text;
using ScoringCore.Contracts;

namespace Bot.Staff.Assessments;

/// <summary>
/// A commune's self-assessment as the self-scoring dialog works on it: the scoring core's copy with
/// what this conversation has not managed to save yet on top, saved whole (or kept while the core
/// cannot be reached), and its deadline.
/// </summary>
public sealed class SelfScoringDrafts(ScoringRules rules, ScoringCoreClient core, StaffTexts texts, BotTexts common, RubricWalk walk)
{
    /// <summary>The draft in the core, with whatever this conversation has not managed to save yet on top.</summary>
    public async Task<SelfScoringDraft?> LoadAsync(StaffProgress progress, CancellationToken cancellationToken)
    {
        var stored = await core.GetAssessmentAsync(progress.CommuneId, progress.Year, cancellationToken);
        if (!stored.Ok)
        {
            return null;
        }
        var self = stored.Value!.Self;
        var items = new Dictionary<string, decimal>(self?.Items ?? new Dictionary<string, decimal>(), StringComparer.Ordinal);
        var evidence = new Dictionary<string, string>(self?.Evidence ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (self?.Final != true)
        {
            foreach (var (id, value) in progress.UnsavedScores)
            {
                items[id] = value;
            }
            foreach (var (id, note) in progress.UnsavedNotes)
            {
                evidence[id] = note;
            }
        }
        return new SelfScoringDraft(items, evidence, self?.Final == true);
    }

    /// <summary>
    /// Saves the whole draft. If the core cannot be reached the scores stay in the conversation
    /// and go with the next save; a refusal is shown as the core explained it.
    /// </summary>
    public async Task<bool> SaveAsync(StaffTurn staff, StaffProgress progress, SelfScoringDraft draft, bool final, CancellationToken cancellationToken)
    {
        var saved = await core.SaveSelfAssessmentAsync(progress.CommuneId, progress.Year,
            new SelfAssessmentRequest(draft.Items, draft.Evidence.AsNullableValues(), staff.Signature, final), cancellationToken);
        switch (saved.Outcome)
        {
            case CoreOutcome.Ok:
                progress.UnsavedScores.Clear();
                progress.UnsavedNotes.Clear();
                return true;
            case CoreOutcome.Refused when saved.Status == 409 && final:
                staff.Turn.Say(texts.Format("self.late", ("year", progress.Year), ("deadline", Deadline(progress.Year))));
                return false;
            case CoreOutcome.Refused:
                staff.Turn.Say(texts.Format("staff.coreRefused", ("detail", saved.Detail)));
                return false;
            default:
                staff.Turn.Say(texts.Text(final ? "staff.coreDown" : "self.unsaved"));
                return false;
        }
    }

    /// <summary>
    /// The core cannot be read: a valid score or an evidence note is still kept (in the
    /// conversation, saved with the next answer that reaches the core) and the walk moves on.
    /// </summary>
    public bool KeepWhileCoreDown(StaffTurn staff, StaffProgress progress, string text)
    {
        if (progress.Cursor is not { } leafId)
        {
            return false;
        }
        if (progress.Awaiting == StaffAwaiting.Evidence && EvidenceNotes.From(staff, text, texts) is { } note && !common.Skip.Matches(TextNormalizer.Key(text)))
        {
            progress.UnsavedNotes[leafId] = note;
        }
        else if (progress.Awaiting == StaffAwaiting.Score && RubricWalk.ReadScore(text) is { } read && rules.Assessment.Check(leafId, read.Score) is null)
        {
            progress.UnsavedScores[leafId] = read.Score;
            if (read.Note is { } inline)
            {
                progress.UnsavedNotes[leafId] = inline;
            }
        }
        else
        {
            return false;
        }
        progress.Awaiting = StaffAwaiting.Score;
        progress.Cursor = walk.Next(leafId, progress.UnsavedScores.ContainsKey, progress.Skipped);
        staff.Turn.Say(texts.Format("self.keptOffline", ("id", leafId), ("next", progress.Cursor ?? "")), expectingInput: true);
        return true;
    }

    public bool IsLate(StaffTurn staff, int year) => staff.Turn.Now >= rules.Calendar.SelfAssessmentDeadline(year);

    public string Deadline(int year) => VietnameseFormat.Date(rules.Calendar.SelfAssessmentDeadline(year));
}

/// <summary>The self-assessment being worked on: the core's copy with unsaved answers on top.</summary>
public sealed record SelfScoringDraft(Dictionary<string, decimal> Items, Dictionary<string, string> Evidence, bool Final);
