using System.Globalization;
using System.Text.RegularExpressions;
using Bot.CoreClient;
using Bot.Dialogs;
using Bot.Surveys.Invitations;
using Scoring.Rules;
using Scoring.Text;
using ScoringCore.Contracts;

namespace Bot.Staff.Surveys;

/// <summary>
/// The appraising level runs each commune's survey: "mở khảo sát &lt;xã&gt; [từ 23/11] [đến 27/11]
/// [mục tiêu 40]" sets the round, "đóng khảo sát &lt;xã&gt;" closes it today (later visits do not
/// count), and "tiến độ khảo sát [đơn vị] [năm]" shows per commune the forms counted, held and missing.
/// </summary>
public sealed partial class SurveyRoundCommands(ScoringRules rules, ScoringCoreClient core, InvitationStore invitations, StaffTexts texts)
{
    private const int LinesShown = 25;

    public void Open(StaffTurn staff, string rest)
    {
        var match = RoundWords().Match(TextNormalizer.Nfc(rest));
        var communeText = match.Groups["commune"].Value.Trim();
        if (communeText.Length == 0)
        {
            staff.Turn.Say(texts.Text("staff.round.usage"));
            return;
        }
        if (UnitLookup.One(staff, texts, communeText, communesOnly: true, texts.OpenRound.Canonical) is not { } commune)
        {
            return;
        }
        if (Refusal(match, staff.Year, commune.Name!) is { } refusal)
        {
            staff.Turn.Say(refusal);
            return;
        }
        var body = new SurveyRoundRequest(Day(match.Groups["from"], staff.Year)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Day(match.Groups["to"], staff.Year)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Target(match), staff.Signature);
        Save(staff, commune.Id!, commune.Name!, body, "staff.round.opened", "staff.round.beforeOpening");
    }

    /// <summary>What the core would refuse in the typed round, said in the appraiser's words before anything is sent: a day
    /// not in the calendar ("31/11"), a round that ends before it begins, a target out of range.</summary>
    private string? Refusal(Match match, int year, string communeName)
    {
        var (from, to) = (match.Groups["from"], match.Groups["to"]);
        var (opens, closes) = (Day(from, year), Day(to, year));
        if ((from.Success && opens is null) || (to.Success && closes is null))
        {
            return texts.Format("staff.round.badDay", ("day", opens is null && from.Success ? from.Value : to.Value), ("year", year));
        }
        if (closes < opens)
        {
            return texts.Format("staff.round.order", ("opens", from.Value), ("closes", to.Value), ("communeName", communeName));
        }
        return Target(match) is < 1 or > SurveyRoundRequest.MaxCitizenTarget
            ? texts.Format("staff.round.target", ("max", SurveyRoundRequest.MaxCitizenTarget))
            : null;
    }

    private static int? Target(Match match) =>
        match.Groups["target"].Success ? int.Parse(match.Groups["target"].Value, CultureInfo.InvariantCulture) : null;

    public void Close(StaffTurn staff, string rest)
    {
        if (rest.Trim().Length == 0)
        {
            staff.Turn.Say(texts.Text("staff.round.usage"));
            return;
        }
        if (UnitLookup.One(staff, texts, rest, communesOnly: true, texts.CloseRound.Canonical) is not { } commune)
        {
            return;
        }
        Save(staff, commune.Id!, commune.Name!, new SurveyRoundRequest(null, Today(staff), null, staff.Signature), "staff.round.closed", "staff.round.notYetOpen");
    }

    public async Task ProgressAsync(StaffTurn staff, string rest, CancellationToken cancellationToken)
    {
        var (unitText, year) = UnitLookup.SplitYear(rest, texts, staff.Year);
        var unit = unitText.Length == 0 ? staff.Tree.Find(staff.Person!.UnitId) : UnitLookup.One(staff, texts, unitText, communesOnly: false, texts.SurveyProgress.Canonical);
        if (unit is null)
        {
            return;
        }
        var result = await core.GetSurveyProgressAsync(unit.Id!, year ?? staff.Year, cancellationToken);
        if (!result.Ok)
        {
            staff.Turn.Say(texts.CoreFailure(result));
            return;
        }
        // Those furthest from their target first: where the appraisers must still go.
        var rows = result.Value!.OrderByDescending(c => c.CitizenMissing).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var shown = rows.Take(LinesShown).ToList();
        // How many cadres each commune shown has been invited by code: the forms to expect in A2.
        var invited = await Task.WhenAll(shown.Select(c => invitations.CadreCountAsync(c.CommuneId, year ?? staff.Year)));
        var today = Today(staff);
        var lines = shown.Select((c, i) => texts.Format("staff.progress.line",
            ("communeName", c.Name), ("counted", c.Citizen.Counted), ("target", c.Round.CitizenTarget), ("held", c.Citizen.Held),
            ("excluded", c.Citizen.Excluded), ("fromDesk", c.Citizen.FromDesk > 0 ? texts.Format("staff.progress.fromDesk", ("count", c.Citizen.FromDesk)) : ""),
            ("missing", c.CitizenMissing), ("cadre", c.Cadre.Counted), ("invited", invited[i]), ("feedback", c.Citizen.Feedback),
            ("opens", VietnameseFormat.DayMonth(c.Round.OpensOn)), ("closes", VietnameseFormat.DayMonth(c.Round.ClosesOn)), ("roundState", RoundState(c.Round, today))));
        var more = rows.Count > LinesShown ? [texts.Format("staff.progress.more", ("count", rows.Count - LinesShown))] : Array.Empty<string>();
        staff.Turn.Say(string.Join("\n", [texts.Format("staff.progress.title", ("unitName", unit.Name), ("year", year ?? staff.Year)), .. lines, .. more, texts.Text("staff.progress.hint")]));
    }

    /// <summary>
    /// Sends the round to the scoring core after the turn's save, like every write a staff turn decides on. The one
    /// refusal chat cannot foresee, a last day before the first day the core holds, is said in words (<paramref name="orderKey"/>).
    /// </summary>
    private void Save(StaffTurn staff, string communeId, string communeName, SurveyRoundRequest body, string doneKey, string orderKey) =>
        staff.Turn.AfterSave(async token =>
        {
            var result = await core.SaveRoundAsync(communeId, staff.Year, body, token);
            if (result is { Outcome: CoreOutcome.Refused, Field: "closesOn" })
            {
                staff.Turn.Say(texts.Format(orderKey, ("communeName", communeName)));
                return;
            }
            if (!result.Ok)
            {
                staff.Turn.Say(texts.CoreFailure(result));
                return;
            }
            var round = result.Value!;
            staff.Turn.Say(texts.Format(doneKey, ("communeName", communeName), ("opens", VietnameseFormat.DayMonth(round.OpensOn)), ("closes", VietnameseFormat.DayMonth(round.ClosesOn)), ("target", round.CitizenTarget)));
        });

    /// <summary>"23/11" → 23 November of the year; null when the group is absent or the day is not in the calendar ("31/11").</summary>
    private static DateOnly? Day(Group group, int year)
    {
        if (!group.Success)
        {
            return null;
        }
        var parts = group.Value.Split('/');
        return int.TryParse(parts[0], CultureInfo.InvariantCulture, out var day) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>Today in Vietnam as the core writes a round's days ("2026-11-25").</summary>
    private string Today(StaffTurn staff) => rules.Calendar.LocalIsoDay(staff.Turn.Now);

    /// <summary>A round already over or not yet begun is said so: the appraisers plan their visits by it. ISO days compare as text.</summary>
    private string RoundState(SurveyRoundView round, string today) =>
        string.CompareOrdinal(today, round.ClosesOn) > 0 ? texts.Text("staff.progress.ended")
        : string.CompareOrdinal(today, round.OpensOn) < 0 ? texts.Text("staff.progress.notStarted")
        : "";

    [GeneratedRegex(@"^(?<commune>.*?)(\s+(từ|tu)\s+(?<from>\d{1,2}/\d{1,2}))?(\s+(đến|den)\s+(?<to>\d{1,2}/\d{1,2}))?(\s+(mục tiêu|muc tieu)\s+(?<target>\d{1,6}))?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex RoundWords();
}
