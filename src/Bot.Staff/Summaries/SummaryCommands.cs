using System.Globalization;
using Bot.Activities;
using Bot.Assistant.Answers;
using Bot.CoreClient;
using Bot.People;
using Bot.Staff.Exports;
using Bot.Surveys;
using Bot.Turns;
using Scoring.Rules;
using ScoringCore.Contracts;

namespace Bot.Staff.Summaries;

/// <summary>"điểm [xã]", "tổng hợp [đơn vị] [năm]", "xếp hạng [đơn vị] [năm]" and "xuất báo cáo [đơn vị] [năm]".</summary>
public sealed class SummaryCommands(
    ScoringRules rules, ScoringCoreClient core, StaffTexts texts, SummaryViews views, ExportLinks links, PublicOrigin origin, UnitRankingAnswers ranking)
{
    public async Task ScorecardAsync(StaffTurn staff, string rest, CancellationToken cancellationToken)
    {
        var (unitText, year) = UnitLookup.SplitYear(rest, texts, staff.Year);
        if (!CheckYear(staff, year ?? staff.Year))
        {
            return;
        }
        UnitDto? commune;
        if (unitText.Length == 0)
        {
            // Staff mean their own commune; officials must say which.
            if (staff.Person!.Role != StaffRole.Staff)
            {
                staff.Turn.Say(texts.Format("staff.needCommune", ("command", texts.Scorecard.Canonical)));
                return;
            }
            commune = staff.Tree.Find(staff.Person.UnitId);
        }
        else
        {
            commune = UnitLookup.One(staff, texts, unitText, communesOnly: true, texts.Scorecard.Canonical);
        }
        if (commune is null)
        {
            return;
        }
        var card = await core.GetScorecardAsync(commune.Id!, year ?? staff.Year, cancellationToken);
        if (Failed(staff, card))
        {
            return;
        }
        Show(staff.Turn, views.Scorecard(card.Value!, commune.Name!) with { ChartUrl = ChartUrl(staff, commune.Id!, year ?? staff.Year, ExportEndpoints.ScorecardChartName) });
    }

    public async Task RollupAsync(StaffTurn staff, string rest, CancellationToken cancellationToken)
    {
        if (Scope(staff, rest, texts.Rollup.Canonical) is not var (unit, year))
        {
            return;
        }
        var summary = await core.GetSummaryAsync(unit.Id!, year, cancellationToken);
        if (Failed(staff, summary))
        {
            return;
        }
        Show(staff.Turn, views.Rollup(summary.Value!, staff.Tree, staff.Turn.Now) with { ChartUrl = ChartUrl(staff, unit.Id!, year, ExportEndpoints.RollupChartName) });
    }

    /// <summary>
    /// The assistant's answer to "xã nào điểm cao nhất?", for the unit and year named; a commune named is placed in the
    /// person's own unit ("xếp hạng Cẩm Vũ": where Cẩm Vũ stands), since a list of one ranks nothing.
    /// </summary>
    public async Task RankingAsync(StaffTurn staff, string rest, CancellationToken cancellationToken)
    {
        if (Scope(staff, rest, texts.Ranking.Canonical) is var (unit, year))
        {
            var commune = staff.Tree.IsCommune(unit.Id!);
            var answer = await ranking.RankAsync(staff.Tree, commune ? staff.Person!.UnitId : unit.Id!, year, lowestFirst: false, cancellationToken,
                placeOf: commune ? unit.Id : null);
            staff.Turn.Say(answer.Text);
        }
    }

    public Task ExportAsync(StaffTurn staff, string rest, CancellationToken cancellationToken)
    {
        if (Scope(staff, rest, texts.Export.Canonical) is var (unit, year))
        {
            var (token, expires) = links.Make(staff.Person!.Id, unit.Id!, year);
            // Absolute, from where the bot is reached: Teams and Zalo cannot open "/exports/…".
            var baseUrl = origin.Current ?? "";
            staff.Turn.Say(texts.Format("export.ready", ("unit", unit.Name), ("year", year), ("count", staff.Tree.CommunesWithin(unit.Id!).Count),
                ("xlsx", $"{baseUrl}/exports/{token}/{ExportEndpoints.XlsxName}"), ("csv", $"{baseUrl}/exports/{token}/{ExportEndpoints.CsvName}"),
                ("expires", expires.ToOffset(rules.Calendar.Offset).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture))));
        }
        return Task.CompletedTask;
    }

    /// <summary>The chart's signed, expiring address, absolute from where the bot is reached (as export links are).</summary>
    private string ChartUrl(StaffTurn staff, string unitId, int year, string file) =>
        $"{origin.Current ?? ""}/exports/{links.Make(staff.Person!.Id, unitId, year).Token}/{file}";

    /// <summary>The unit (default: the person's own) and year (default: this one) of a rollup or export, within the person's scope.</summary>
    private (UnitDto Unit, int Year)? Scope(StaffTurn staff, string rest, string command)
    {
        var (unitText, year) = UnitLookup.SplitYear(rest, texts, staff.Year);
        if (!CheckYear(staff, year ?? staff.Year))
        {
            return null;
        }
        var unit = unitText.Length == 0 ? staff.Tree.Find(staff.Person!.UnitId) : UnitLookup.One(staff, texts, unitText, communesOnly: false, command);
        return unit is null ? null : (unit, year ?? staff.Year);
    }

    private bool CheckYear(StaffTurn staff, int year)
    {
        if (rules.IsSchemeYear(year))
        {
            return true;
        }
        staff.Turn.Say(texts.BadYear(rules));
        return false;
    }

    private bool Failed<T>(StaffTurn staff, CoreResult<T> result)
    {
        if (result.Ok)
        {
            return false;
        }
        staff.Turn.Say(texts.CoreFailure(result));
        return true;
    }

    /// <summary>
    /// Where cards render, the card (with its chart) and its title as the one line of text (not the
    /// same content twice); elsewhere (Zalo, plain clients) the whole text with the chart as a picture
    /// (its line breaks made Markdown's by the channel where the client reads Markdown).
    /// </summary>
    private static void Show(TurnContext turn, SummaryView view)
    {
        if (!SummaryView.RendersCards(turn.ChannelId))
        {
            turn.Say(view.Text);
            if (view.ChartUrl is { } chart)
            {
                turn.Replies[^1].Attachments = [ImageAttachment.Png(chart, "bieu-do.png")];
            }
            return;
        }
        turn.Say(view.Title);
        turn.Replies[^1].Attachments = [view.Card()];
    }
}
