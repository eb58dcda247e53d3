using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Activities;
using Bot.CoreClient;
using Bot.Dialogs;
using Bot.Staff.Dialogs;
using Bot.State;
using Scoring.Rules;
using Scoring.Scheme;
using Scoring.Text;
using ScoringCore.Contracts;

namespace Bot.Staff.Surveys;

/// <summary>
/// "nhập phiếu giấy &lt;xã&gt; [cán bộ]": an appraiser types in the paper forms (Phụ lục 02, or 03)
/// the appraising level collected, sheet after sheet: the sheet's number, then its five answers
/// by buttons or all at once ("2 1 1 0,5 2"), or the whole sheet in one line ("17: 2 1 1 0,5 2"). Each sheet is saved at once under an id made from
/// its number, so a number entered twice is refused by the scoring core, not counted again; a
/// number already in the core is said as soon as it is typed, before its answers.
/// </summary>
public sealed partial class PaperFormDialog(ScoringRules rules, ScoringCoreClient core, StaffTexts texts, BotTexts common) : PromptDialog<PaperFormFrame>(texts, common)
{
    public override IReadOnlyList<StaffCommandKind> BegunBy { get; } = [StaffCommandKind.PaperForms];

    private readonly PaperSheetAnswers sheetAnswers = new(rules);

    protected override string StoppedText => "staff.paper.stopped";

    /// <summary>A sheet left half typed is not saved: said, so that no one believes it counted.</summary>
    protected override string Stopped(PaperFormFrame frame) =>
        frame.Awaiting == StaffAwaiting.Answers && frame.Sheet is { } sheet && frame.Answers.Count > 0
            ? Texts.Format("staff.paper.stoppedMidSheet", ("sheet", sheet), ("answered", frame.Answers.Count), ("count", rules.Scheme.Forms[frame.Form].Questions.Count))
            : base.Stopped(frame);

    protected override IReadOnlyList<(StaffAwaiting Awaiting, PromptStep Handle)> Steps => [(StaffAwaiting.Sheet, OnSheet), (StaffAwaiting.Answers, OnAnswers)];

    public async Task BeginAsync(StaffTurn staff, string rest, CancellationToken cancellationToken)
    {
        var cadre = CadreSuffix().Match(TextNormalizer.Nfc(rest));
        var communeText = cadre.Success ? rest[..cadre.Index].Trim() : rest.Trim();
        if (UnitLookup.Commune(staff, Texts, communeText, Texts.PaperForms.Canonical) is not { } commune)
        {
            return;
        }
        // A decided year takes no sheet: said now, not after each sheet is typed and refused (in January, when
        // decisions are signed, the year entered is still last year's). A core that cannot say lets the entry begin.
        var card = await core.GetScorecardAsync(commune.Id!, staff.Year, cancellationToken);
        if (card is { Ok: true, Value: { } decided } && ResultStatuses.IsClosed(decided.Status))
        {
            staff.Turn.Say(Texts.Format("staff.paper.closed", ("communeName", commune.Name), ("year", staff.Year), ("status", Texts.Text("status." + decided.Status))));
            return;
        }
        var form = cadre.Success ? rules.CadreForm : rules.CitizenForm;
        staff.BeginDialogOverAWalk(new PaperFormFrame
        {
            CommuneId = commune.Id!, CommuneName = commune.Name!, Year = staff.Year, Form = form, Awaiting = StaffAwaiting.Sheet,
        });
        staff.Turn.Say(Texts.Format("staff.paper.start", ("form", Texts.Text("staff.form." + form)), ("communeName", commune.Name), ("year", staff.Year)), expectingInput: true);
    }

    private async Task OnSheet(StaffTurn staff, PaperFormFrame progress, string text, string key, CancellationToken cancellationToken)
    {
        var form = rules.Scheme.Forms[progress.Form];
        var (sheet, answers, readable, _) = SheetLine(form, text);
        if (sheet is null)
        {
            // "2 1 1 0,5 2" here is a sheet's answers typed before its number: say which comes first.
            staff.Turn.Say(Texts.Text(PaperSheetAnswers.IsLineOfNumbers(text) ? "staff.paper.sheetFirst" : readable ? "staff.paper.badLine" : "staff.paper.badSheet"), expectingInput: true);
            return;
        }
        // Only a hint that saves typing five answers: when the core cannot say, the save still refuses a sheet entered before.
        var entered = await core.GetFormAsync(progress.CommuneId, progress.Year, ResponseId(progress, sheet), cancellationToken);
        if (entered is { Ok: true, Value: { } stored })
        {
            staff.Turn.Say(Texts.Format("staff.paper.entered", ("sheet", sheet), ("score", VietnameseFormat.Points(stored.Score))), expectingInput: true);
            return;
        }
        progress.Sheet = sheet;
        progress.Answers.Clear();
        progress.Answers.AddRange(answers);
        progress.Awaiting = StaffAwaiting.Answers;
        if (progress.Answers.Count == form.Questions.Count)
        {
            Save(staff, progress, form);
            return;
        }
        AskAnswer(staff, progress);
    }

    /// <summary>
    /// The sheet's number, and the answers typed after it on the same line ("17: 2 1 1 0,5 2", "phiếu 18: tốt, khá, tốt,
    /// trung bình, tốt"), which save a message a sheet. After "phiếu" or a colon, some answers are enough (the rest are
    /// asked); without either, all of them, so "2 1 1 0,5 2" alone is still answers typed before a number. Sheet null
    /// when the line is no number; <c>Readable</c> then says its number was one, but not what followed it. <c>Marked</c>:
    /// the number came after "phiếu" or before a colon.
    /// </summary>
    private (string? Sheet, List<string> Answers, bool Readable, bool Marked) SheetLine(SurveyForm form, string text)
    {
        var line = TextNormalizer.Nfc(text).Trim();
        var afterLead = Texts.SheetLead.RestOf(line);
        line = (afterLead ?? line).TrimStart('#');
        var end = line.IndexOfAny([' ', ':', '\t']);
        var sheet = (end < 0 ? line : line[..end]).TrimEnd(',', '.', ')');
        var rest = end < 0 ? "" : line[end..].Trim();
        var marked = afterLead is not null || rest.StartsWith(':');
        rest = rest.TrimStart(':', ',', '-', ')').Trim();
        if (!SheetNumber().IsMatch(sheet))
        {
            return (null, [], false, marked);
        }
        if (rest.Length == 0)
        {
            return (sheet, [], true, marked);
        }
        return sheetAnswers.Read(form, rest) is { } answers && answers.Count <= form.Questions.Count && (marked || answers.Count == form.Questions.Count)
            ? (sheet, answers, true, marked)
            : (null, [], true, marked);
    }

    /// <summary>
    /// In the middle of a sheet, a line that can only be another sheet: "phiếu 23", "23:", a sheet's number with its
    /// answers, or a number of two characters or more. A lone "3" is more likely a slip for an answer than a sheet.
    /// </summary>
    private bool IsAnotherSheet(SurveyForm form, string text) =>
        SheetLine(form, text) is { Sheet: { } sheet } line && (line.Marked || line.Answers.Count > 0 || sheet.Length > 1);

    protected override void Ask(StaffTurn staff, PaperFormFrame progress)
    {
        if (progress.Awaiting == StaffAwaiting.Answers)
        {
            AskAnswer(staff, progress);
        }
        else
        {
            staff.Turn.Say(Texts.Text("staff.paper.askSheet"), expectingInput: true);
        }
    }

    private static string ResponseId(PaperFormFrame progress, string sheet) => FormSources.PaperResponseId(progress.Form, progress.CommuneId, progress.Year, sheet);

    private async Task OnAnswers(StaffTurn staff, PaperFormFrame progress, string text, string key, CancellationToken cancellationToken)
    {
        var form = rules.Scheme.Forms[progress.Form];
        var answers = sheetAnswers.Read(form, text);
        if (answers?.Count == form.Questions.Count)
        {
            // The whole sheet typed again in the middle of it (four points were typed, then all five): it replaces what was typed.
            progress.Answers.Clear();
        }
        // Several answers in the middle of a sheet are taken only when they are exactly the ones left ("21: 2 2", then "1 1 2").
        if (answers is null || progress.Answers.Count + answers.Count > form.Questions.Count
            || (answers.Count > 1 && progress.Answers.Count > 0 && progress.Answers.Count + answers.Count < form.Questions.Count))
        {
            if (IsAnotherSheet(form, text))
            {
                await NextSheetMidway(staff, progress, form, text, key, cancellationToken);
                return;
            }
            staff.Turn.Say(PaperSheetAnswers.NotAPoint(form, text) is { } point
                ? Texts.Format("staff.paper.badPoints", ("points", point))
                : Texts.Text("staff.paper.badAnswer"));
            AskAnswer(staff, progress);
            return;
        }
        progress.Answers.AddRange(answers);
        if (progress.Answers.Count < form.Questions.Count)
        {
            AskAnswer(staff, progress);
            return;
        }
        Save(staff, progress, form);
    }

    /// <summary>
    /// Another sheet's number typed before this sheet's last answer ("phiếu 23", "23: 2 2 1 1 2"): the next sheet is
    /// on the desk, so it begins, and a sheet left half typed is said not saved, as when the entry stops midway.
    /// </summary>
    private async Task NextSheetMidway(StaffTurn staff, PaperFormFrame progress, SurveyForm form, string text, string key, CancellationToken cancellationToken)
    {
        if (progress.Answers.Count > 0)
        {
            staff.Turn.Say(Texts.Format("staff.paper.sheetLeft", ("sheet", progress.Sheet), ("answered", progress.Answers.Count), ("count", form.Questions.Count)));
        }
        progress.Answers.Clear();
        progress.Awaiting = StaffAwaiting.Sheet;
        await OnSheet(staff, progress, text, key, cancellationToken);
    }

    private void Save(StaffTurn staff, PaperFormFrame progress, SurveyForm form)
    {
        var sheet = progress.Sheet!;
        var today = staff.Turn.Now.ToOffset(rules.Calendar.Offset);
        var body = new SurveyResponseRequest(
            ResponseId(progress, sheet), form.Id, progress.CommuneId, progress.Year, [.. progress.Answers],
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00" + rules.Scheme.Rules.UtcOffset, "paper", InWindow: null,
            Source: FormSources.Paper, Reference: sheet);
        var score = progress.Answers.Sum(code => form.FindAnswer(code)!.Points);
        progress.Answers.Clear();
        progress.Awaiting = StaffAwaiting.Sheet;
        // Sent after the turn's save; the dialog waits for the next sheet's number whatever the core answers.
        staff.Turn.AfterSave(async token =>
        {
            var saved = await core.SubmitPaperFormAsync(body, token);
            staff.Turn.Say(saved switch
            {
                { Ok: true } => Texts.Format("staff.paper.saved", ("sheet", sheet), ("score", VietnameseFormat.Points(score))),
                // The sheet's number was entered before (its id or its reference is taken); any other refusal (a closed year) says its own reason.
                { Outcome: CoreOutcome.Refused, Status: 409, Field: "reference" or "responseId" } => Texts.Format("staff.paper.duplicate", ("sheet", sheet)),
                _ => Texts.CoreFailure(saved),
            });
        });
    }

    private void AskAnswer(StaffTurn staff, PaperFormFrame progress)
    {
        var form = rules.Scheme.Forms[progress.Form];
        var number = progress.Answers.Count + 1;
        staff.Turn.Say(Texts.Format("staff.paper.askAnswer", ("sheet", progress.Sheet), ("n", number), ("count", form.Questions.Count)),
            [.. form.Answers.Select(a => CardAction.ImBack(a.Label))], expectingInput: true);
    }

    [GeneratedRegex(@"(?:^|\s+)(cán bộ thôn|can bo thon|cán bộ|can bo)$", RegexOptions.IgnoreCase)]
    private static partial Regex CadreSuffix();

    // What the core takes as a reference, with at least one digit: sheets are numbered, and a word
    // typed at this point ("ok", "tiếp") is a slip, not a sheet.
    [GeneratedRegex("^(?=[^0-9]*[0-9])[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex SheetNumber();
}
