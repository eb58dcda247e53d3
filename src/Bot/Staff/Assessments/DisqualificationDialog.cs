using Bot.Activities;
using Bot.Dialogs;
using Bot.Outbox;
using Bot.Staff.Core;
using Bot.State;
using Scoring.Rules;

namespace Bot.Staff.Assessments;

/// <summary>
/// "không xét &lt;xã&gt;" records that a commune is not assessed this year (which of the scheme's
/// cases, and why); "bỏ không xét &lt;xã&gt;" lifts it, also with a reason. Nothing is saved without one.
/// </summary>
public sealed class DisqualificationDialog(ScoringRules rules, ScoringCoreClient core, StaffTexts texts, BotTexts common)
{
    public async Task BeginAsync(StaffTurn staff, string communeText, bool lift, CancellationToken cancellationToken)
    {
        var command = lift ? texts.Lift.Canonical : texts.Disqualify.Canonical;
        if (communeText.Length == 0)
        {
            staff.Turn.Say(texts.Format("staff.needCommune", ("command", command)));
            return;
        }
        if (UnitLookup.One(staff, texts, communeText, communesOnly: true, command) is not { } commune)
        {
            return;
        }
        var progress = new StaffProgress { Mode = lift ? StaffModes.Lift : StaffModes.Disqualify, CommuneId = commune.Id!, CommuneName = commune.Name!, Year = staff.Year };
        if (lift)
        {
            var card = await core.GetScorecardAsync(commune.Id!, staff.Year, cancellationToken);
            if (!card.Ok)
            {
                staff.Turn.Say(texts.Text("staff.coreDown"));
                return;
            }
            if (!card.Value!.Disqualified)
            {
                staff.Turn.Say(texts.Format("dq.notFound", ("commune", commune.Name), ("year", staff.Year)));
                return;
            }
            progress.Awaiting = StaffAwaiting.Note;
            staff.Turn.Say(texts.Format("dq.askLiftNote", ("commune", commune.Name), ("year", staff.Year)), expectingInput: true);
        }
        else
        {
            progress.Awaiting = StaffAwaiting.Kind;
            staff.Turn.Say(texts.Format("dq.askKind", ("commune", commune.Name), ("year", staff.Year)), KindButtons(), expectingInput: true);
        }
        staff.Turn.State.Phase = Phases.Staff;
        staff.Turn.State.Staff = progress;
    }

    public async Task ContinueAsync(StaffTurn staff, string text, CancellationToken cancellationToken)
    {
        var progress = staff.Turn.State.Staff!;
        var key = TextNormalizer.Key(text);
        if (staff.Stops(key, texts, common, "dq.cancelled"))
        {
            return;
        }
        if (progress.Awaiting == StaffAwaiting.Kind)
        {
            var kind = rules.Scheme.Rules.Disqualifications.FirstOrDefault(d =>
                TextNormalizer.Key(texts.Text("dq.kind." + d.Kind)) == key || d.Kind == key);
            if (kind is null)
            {
                staff.Turn.Say(texts.Format("dq.askKind", ("commune", progress.CommuneName), ("year", progress.Year)), KindButtons(), expectingInput: true);
                return;
            }
            progress.PendingKind = kind.Kind;
            progress.Awaiting = StaffAwaiting.Note;
            staff.Turn.Say(texts.Text("dq.askNote"), expectingInput: true);
            return;
        }
        if (key.Length == 0 || common.Skip.Matches(key))
        {
            staff.Turn.Say(texts.Text("dq.noteRequired"), expectingInput: true);
            return;
        }
        var note = StaffTurn.Clip(text);
        var saved = progress.Mode == StaffModes.Lift
            ? await core.LiftDisqualificationAsync(progress.CommuneId, progress.Year, new LiftBody(note), cancellationToken)
            : await core.DisqualifyAsync(progress.CommuneId, progress.Year, new DisqualificationBody(progress.PendingKind!, note), cancellationToken);
        if (!saved.Ok)
        {
            staff.Turn.Say(texts.CoreFailure(saved));
            return;
        }
        staff.Turn.Say(progress.Mode == StaffModes.Lift
            ? texts.Format("dq.lifted", ("commune", progress.CommuneName), ("year", progress.Year))
            : texts.Format("dq.recorded", ("commune", progress.CommuneName), ("year", progress.Year), ("kind", texts.Text("dq.kind." + progress.PendingKind))));
        staff.EndDialog();
    }

    private List<CardAction> KindButtons() =>
        [.. rules.Scheme.Rules.Disqualifications.Select(d => CardAction.ImBack(texts.Text("dq.kind." + d.Kind)))];

}
