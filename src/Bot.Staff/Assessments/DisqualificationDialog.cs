using Bot.Activities;
using Bot.CoreClient;
using Bot.Dialogs;
using Bot.Staff.Dialogs;
using Bot.State;
using Scoring.Rules;
using ScoringCore.Contracts;

namespace Bot.Staff.Assessments;

/// <summary>
/// "không xét &lt;xã&gt;" records that a commune is not assessed this year (which of the scheme's
/// cases, and why); "bỏ không xét &lt;xã&gt;" lifts it, also with a reason. Nothing is saved without one.
/// </summary>
public sealed class DisqualificationDialog(ScoringRules rules, ScoringCoreClient core, StaffTexts texts, BotTexts common) : PromptDialog<DisqualificationFrame>(texts, common)
{
    public override IReadOnlyList<StaffCommandKind> BegunBy { get; } = [StaffCommandKind.Disqualify, StaffCommandKind.Lift];

    public override StaffCommandKind CommandFor(StaffFrame frame) => frame is DisqualificationFrame { Lifting: true } ? StaffCommandKind.Lift : StaffCommandKind.Disqualify;

    protected override string StoppedText => "dq.cancelled";

    protected override IReadOnlyList<(StaffAwaiting Awaiting, PromptStep Handle)> Steps => [(StaffAwaiting.Kind, OnKind), (StaffAwaiting.Note, OnNote)];

    public async Task BeginAsync(StaffTurn staff, string communeText, bool lift, CancellationToken cancellationToken)
    {
        var command = lift ? Texts.Lift.Canonical : Texts.Disqualify.Canonical;
        if (UnitLookup.Commune(staff, Texts, communeText, command) is not { } commune)
        {
            return;
        }
        var progress = new DisqualificationFrame { Lifting = lift, CommuneId = commune.Id!, CommuneName = commune.Name!, Year = staff.Year };
        if (lift)
        {
            var card = await core.GetScorecardAsync(commune.Id!, staff.Year, cancellationToken);
            if (!card.Ok)
            {
                staff.Turn.Say(Texts.Text("staff.coreDown"));
                return;
            }
            if (!card.Value!.Disqualified)
            {
                staff.Turn.Say(Texts.Format("dq.notFound", ("commune", commune.Name), ("year", staff.Year)));
                return;
            }
            progress.Awaiting = StaffAwaiting.Note;
        }
        else
        {
            progress.Awaiting = StaffAwaiting.Kind;
        }
        Ask(staff, progress);
        staff.BeginDialogOverAWalk(progress);
    }

    protected override void Ask(StaffTurn staff, DisqualificationFrame progress)
    {
        if (progress.Awaiting == StaffAwaiting.Kind)
        {
            staff.Turn.Say(Texts.Format("dq.askKind", ("commune", progress.CommuneName), ("year", progress.Year)), KindButtons(), expectingInput: true);
        }
        else if (progress.Lifting)
        {
            staff.Turn.Say(Texts.Format("dq.askLiftNote", ("commune", progress.CommuneName), ("year", progress.Year)), expectingInput: true);
        }
        else
        {
            staff.Turn.Say(Texts.Text("dq.askNote"), expectingInput: true);
        }
    }

    private Task OnKind(StaffTurn staff, DisqualificationFrame progress, string text, string key, CancellationToken cancellationToken)
    {
        var kind = StaffChoices.Read(Texts, Kinds, key);
        if (kind is null)
        {
            staff.Turn.Say(StaffChoices.Again(Texts, Kinds));
            Ask(staff, progress);
            return Task.CompletedTask;
        }
        progress.Kind = kind.Code;
        progress.Awaiting = StaffAwaiting.Note;
        Ask(staff, progress);
        return Task.CompletedTask;
    }

    private Task OnNote(StaffTurn staff, DisqualificationFrame progress, string text, string key, CancellationToken cancellationToken)
    {
        if (key.Length == 0 || Common.Skip.Matches(key))
        {
            staff.Turn.Say(Texts.Text("dq.noteRequired"), expectingInput: true);
            return Task.CompletedTask;
        }
        var note = StaffTurn.Clip(text);
        var (lift, communeId, communeName, year, reasonKind) = (progress.Lifting, progress.CommuneId, progress.CommuneName, progress.Year, progress.Kind);
        // The dialog ends with this turn; the decision goes to the scoring core after the save,
        // and if the core refuses or is down the person is told so and types the command again.
        staff.EndDialog();
        staff.Turn.AfterSave(async token =>
        {
            var saved = lift
                ? await core.LiftDisqualificationAsync(communeId, year, new DisqualificationLiftRequest(note), token)
                : await core.DisqualifyAsync(communeId, year, new DisqualificationRequest(reasonKind!, note), token);
            staff.Turn.Say(!saved.Ok ? Texts.CoreFailure(saved)
                : lift ? Texts.Format("dq.lifted", ("commune", communeName), ("year", year))
                : Texts.Format("dq.recorded", ("commune", communeName), ("year", year), ("kind", Texts.DisqualificationKind(reasonKind!))));
        });
        return Task.CompletedTask;
    }

    /// <summary>The scheme's cases of disqualification, as options named in the texts.</summary>
    private IReadOnlyList<Scoring.Scheme.DialogOption> Kinds =>
        [.. rules.Scheme.Rules.Disqualifications.Select(d => new Scoring.Scheme.DialogOption(d.Kind, Texts.DisqualificationKind(d.Kind), null))];

    private List<CardAction> KindButtons() => [.. Kinds.Select(k => CardAction.ImBack(k.Label))];
}
