using System.Globalization;
using Bot.CoreClient;
using Bot.Dialogs;
using Scoring.Rules;
using Scoring.Scheme;
using Scoring.Text;
using ScoringCore.Contracts;

namespace Bot.Staff.Results;

/// <summary>
/// The decisions on a year's result, in chat: "công nhận &lt;xã&gt; &lt;số QĐ&gt; &lt;ngày&gt;" records the
/// recognition of the appraised level, "thu hồi công nhận &lt;xã&gt; &lt;số QĐ&gt; &lt;lý do&gt;" revokes it,
/// and "lịch sử &lt;xã&gt;" reads every change of the result. Without a decision number, "công nhận
/// &lt;xã&gt;" shows what would be recognised and how to type it. The year is the one being decided
/// (<see cref="SchemeCalendar.ResultYearAt"/>) unless "năm 2026" says otherwise. The decisions are
/// sent to the scoring core after the turn's save.
/// </summary>
public sealed class RecognitionCommands(ScoringRules rules, ScoringCoreClient core, StaffTexts texts)
{
    private const int HistoryShown = 15;

    public async Task RecogniseAsync(StaffTurn staff, string rest, CancellationToken cancellationToken)
    {
        var line = DecisionLine.Parse(rest, texts);
        if (Target(staff, line, texts.RecogniseResult.Canonical, "staff.recognise.usage") is not var (communeId, communeName, year))
        {
            return;
        }
        if (line.Decision is null && line.DecidedOn is null)
        {
            var card = await core.GetScorecardAsync(communeId, year, cancellationToken);
            staff.Turn.Say(card.Ok ? Standing(card.Value!, communeName, year) : texts.CoreFailure(card));
            return;
        }
        if (line.Decision is null || line.DecidedOn is null)
        {
            // A number without a day that reads as one ("31/02/2026"), or a day without a number: how to type both.
            staff.Turn.Say(texts.Text("staff.recognise.usage"));
            return;
        }
        if (IsAhead(staff, line))
        {
            return;
        }
        var body = new RecognitionRequest(line.Decision, line.DecidedOn.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), staff.Signature);
        staff.Turn.AfterSave(async token =>
        {
            var result = await core.RecogniseAsync(communeId, year, body, token);
            staff.Turn.Say(result.Ok
                ? string.Join("\n", [texts.Format("staff.recognise.done", ("communeName", communeName), ("year", year), ("decision", line.Decision),
                    ("decidedOn", line.DecidedOn.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
                    ("levelName", result.Value!.LevelName), ("total", VietnameseFormat.Points(result.Value.Total)), ("unitKind", texts.All.UnitNames.Kind(communeName))),
                    .. Cautions(result.Value, communeName)])
                : texts.CoreFailure(result));
        });
    }

    public void Revoke(StaffTurn staff, string rest)
    {
        var line = DecisionLine.Parse(rest, texts);
        if (Target(staff, line, texts.RevokeRecognition.Canonical, "staff.revokeRecognition.usage") is not var (communeId, communeName, year))
        {
            return;
        }
        if (line.Decision is null || line.Rest.Length == 0)
        {
            staff.Turn.Say(texts.Text("staff.revokeRecognition.usage"));
            return;
        }
        if (IsAhead(staff, line))
        {
            return;
        }
        var reason = StaffTurn.Clip(line.Rest);
        var body = new RevocationRequest(line.Decision, reason, line.DecidedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), staff.Signature);
        staff.Turn.AfterSave(async token =>
        {
            var result = await core.RevokeRecognitionAsync(communeId, year, body, token);
            staff.Turn.Say(result.Ok
                ? texts.Format("staff.revokeRecognition.done", ("communeName", communeName), ("year", year), ("decision", line.Decision), ("reason", reason))
                : texts.CoreFailure(result));
        });
    }

    /// <summary>
    /// "công nhận &lt;xã&gt;" without a decision: how to type one when the appraised level can be recognised; otherwise
    /// why it cannot, rather than an example the core would refuse (a result not yet appraised, no level, a closed year).
    /// </summary>
    private string Standing(Scorecard card, string communeName, int year)
    {
        var status = ResultStatuses.Parse(card.Status);
        var key = !ResultStatuses.IsFinal(status) ? "staff.recognise.notAppraised"
            : ResultStatuses.IsClosed(status) ? "staff.recognise.closed"
            : card.Level == LevelCode.None ? "staff.recognise.noLevel"
            : "staff.recognise.needDecision";
        var standing = texts.Format(key, ("communeName", communeName), ("year", year), ("status", texts.Text("status." + card.Status)),
            ("levelName", card.LevelName), ("total", VietnameseFormat.Points(card.Total)), ("nextYear", year + 1));
        return key == "staff.recognise.needDecision" ? string.Join("\n", [standing, .. Cautions(card, communeName)]) : standing;
    }

    /// <summary>
    /// What a recognition leaves out for good, said before it is typed and after it is recorded: forms still held for an
    /// appraiser's decision, and a survey with no form counted. The decision is recorded all the same: it was signed.
    /// </summary>
    private IEnumerable<string> Cautions(Scorecard card, string communeName)
    {
        if (card.A1.Held + card.A2.Held is > 0 and var held)
        {
            yield return texts.Format("staff.recognise.heldForms", ("held", held), ("communeName", communeName));
        }
        foreach (var (part, score) in new[] { ("A1", card.A1), ("A2", card.A2) })
        {
            if (score.Responses == 0)
            {
                yield return texts.Format("staff.recognise.noForms", ("part", part));
            }
        }
    }

    /// <summary>
    /// A decision dated after today in Vietnam, said so in words: the core refuses it too, but its answer names the
    /// API's field ("decidedOn"), which means nothing to the official typing in chat.
    /// </summary>
    private bool IsAhead(StaffTurn staff, DecisionLine line)
    {
        var today = rules.Calendar.LocalDate(staff.Turn.Now);
        if (line.DecidedOn is not { } day || day <= today)
        {
            return false;
        }
        staff.Turn.Say(texts.Format("staff.decision.futureDay", ("decidedOn", VietnameseFormat.Date(day)), ("today", VietnameseFormat.Date(today))));
        return true;
    }

    public async Task HistoryAsync(StaffTurn staff, string rest, CancellationToken cancellationToken)
    {
        var line = DecisionLine.Parse(rest, texts);
        if (Target(staff, line, texts.History.Canonical, "staff.history.usage") is not var (communeId, communeName, year))
        {
            return;
        }
        var history = await core.GetHistoryAsync(communeId, year, cancellationToken);
        if (!history.Ok)
        {
            staff.Turn.Say(texts.CoreFailure(history));
            return;
        }
        var changes = HistoryRuns.Of(history.Value!);
        if (changes.Count == 0)
        {
            staff.Turn.Say(texts.Format("staff.history.none", ("communeName", communeName), ("year", year)));
            return;
        }
        // The latest changes matter most; the export has all of them.
        var shown = changes.Skip(Math.Max(0, changes.Count - HistoryShown)).Select(Line);
        var more = changes.Count > HistoryShown ? [texts.Format("staff.history.more", ("count", changes.Count - HistoryShown))] : Array.Empty<string>();
        staff.Turn.Say(string.Join("\n", [texts.Format("staff.history.title", ("communeName", communeName), ("year", year)), .. more, .. shown]));
    }

    /// <summary>
    /// One change as a line: when, what, by whom, the detail and why. A run of drafts says from
    /// when to when (one time when all fell in the same minute), how many, and the last one's points.
    /// </summary>
    private string Line(HistoryRuns.Run run)
    {
        var change = run.Last;
        var at = Time(change.At);
        return texts.Format("staff.history.line",
            ("at", Time(run.First.At) is var from && from == at ? at : texts.Format("staff.history.between", ("from", from), ("to", at))),
            ("what", texts.Text("history." + change.Change) + (run.Count == 1 ? "" : texts.Format("staff.history.times", ("count", run.Count)))),
            ("by", change.By is null ? "" : texts.Format("staff.history.by", ("by", change.By))),
            ("detail", change.Detail is null ? "" : $" ({Detail(change)})"),
            ("reason", change.Reason is null ? "" : texts.Format("staff.history.reason", ("reason", change.Reason))));
    }

    /// <summary>A disqualification's detail is its case's code ("complaints"): said in words, as everywhere else.</summary>
    private string Detail(ResultChange change) =>
        change.Change == ResultChanges.Disqualified && rules.Scheme.Rules.Disqualifications.Any(d => d.Kind == change.Detail)
            ? texts.DisqualificationKind(change.Detail!)
            : change.Detail!;

    private string Time(DateTimeOffset at) => at.ToOffset(rules.Calendar.Offset).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The commune (within the person's scope) and the year; says what is wrong and returns null otherwise.</summary>
    private (string CommuneId, string CommuneName, int Year)? Target(StaffTurn staff, DecisionLine line, string command, string usageKey)
    {
        if (line.Commune.Length == 0)
        {
            staff.Turn.Say(texts.Text(usageKey));
            return null;
        }
        var year = line.Year ?? rules.Calendar.ResultYearAt(staff.Turn.Now);
        if (!rules.IsSchemeYear(year))
        {
            staff.Turn.Say(texts.BadYear(rules));
            return null;
        }
        return UnitLookup.One(staff, texts, line.Commune, communesOnly: true, command) is { } commune ? (commune.Id!, commune.Name!, year) : null;
    }
}
