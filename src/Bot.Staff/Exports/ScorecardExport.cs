using System.Globalization;
using System.Text;
using Bot.CoreClient;
using Bot.Staff.Charts;
using Bot.Units;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Options;
using Scoring.Rules;
using Scoring.Text;

namespace Bot.Staff.Exports;

/// <summary>
/// Every commune's scorecard under a unit, as rows, then as CSV (UTF-8 with BOM, for Excel) or
/// XLSX; the workbook adds the figures the rollup chart is drawn from and every commune's audit
/// trail (who changed the result, when, what and why).
/// </summary>
public sealed class ScorecardExport(ScoringRules rules, ScoringCoreClient core, StaffTexts texts, IOptions<ScoringCoreOptions> coreOptions)
{
    /// <summary>The rows, in commune id order; null when the core could not give every scorecard and trail.</summary>
    public async Task<IReadOnlyList<ExportRow>?> RowsAsync(UnitTree tree, string unitId, int year, CancellationToken cancellationToken)
    {
        var communes = tree.CommunesWithin(unitId).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var rows = new ExportRow?[communes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, communes.Count), new ParallelOptions { MaxDegreeOfParallelism = coreOptions.Value.ReadsAtOnce, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var cardRead = core.GetScorecardAsync(communes[i].Id, year, token);
                var historyRead = core.GetHistoryAsync(communes[i].Id, year, token);
                var (card, changes) = (await cardRead, await historyRead);
                rows[i] = card.Ok && changes.Ok ? new ExportRow(communes[i].Name, card.Value!, changes.Value!) : null;
            });
        return rows.Any(r => r is null) ? null : [.. rows.Select(r => r!)];
    }

    public string[] Columns => texts.Text("export.columns").Split('|');

    public byte[] Csv(IReadOnlyList<ExportRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', Cells(row).Select(cell => cell is decimal number ? Number(number) : Quote(Printable(cell)))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>Three sheets: the scorecards, the rollup chart's figures, and the audit trail.</summary>
    public byte[] Xlsx(IReadOnlyList<ExportRow> rows, ChartFigures figures)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            AddSheet(workbook, sheets, 1, texts.Text("export.sheet"), Columns, rows.Select(Cells));
            AddSheet(workbook, sheets, 2, texts.Text("export.chartSheet"), [texts.Text("export.chartLabel"), figures.FirstSeries, figures.SecondSeries, texts.Text("chart.target")],
                figures.Rows.Select(r => new object?[] { r.Label, r.First, r.Second, r.Target }));
            AddSheet(workbook, sheets, 3, texts.Text("export.historySheet"), texts.Text("export.historyColumns").Split('|'),
                rows.SelectMany(r => r.History.Select(change => new object?[]
                {
                    r.Card.CommuneId, r.CommuneName, change.At.ToOffset(rules.Calendar.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    texts.Text("history." + change.Change), change.By ?? "", change.Detail ?? "", change.Reason ?? "",
                })));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(1, header.Cast<object?>()));
        uint index = 2;
        foreach (var row in rows)
        {
            data.Append(Row(index++, row));
        }
        part.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    /// <summary>One commune's values, in the order of export.columns; the result's standing in words, as in chat.</summary>
    private IEnumerable<object?> Cells(ExportRow row)
    {
        var card = row.Card;
        return
        [
            card.CommuneId, row.CommuneName, (decimal)card.Year, card.A1.Score, (decimal)card.A1.Responses, card.A2.Score, (decimal)card.A2.Responses,
            card.B.Self, card.B.Appraised, card.Total, card.LevelName, card.Disqualification?.Note ?? "", card.Submitted ? "x" : "",
            card.NextLevel?.PointsNeeded, texts.Text("status." + card.Status), (decimal)(card.A1.Held + card.A2.Held),
            card.Recognition is { } recognised ? $"{recognised.Decision} ({recognised.DecidedOn})" : "",
            card.Revocation is { } revoked ? $"{revoked.Decision}: {revoked.Reason}" : "",
            (decimal)(card.A1.FromDesk ?? 0),
        ];
    }

    private static Row Row(uint index, IEnumerable<object?> values)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in values)
        {
            var reference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(value switch
            {
                null => new Cell { CellReference = reference },
                decimal number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Number(number)) },
                _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Printable(value))) },
            });
        }
        return row;
    }

    /// <summary>
    /// A text cell without the characters XML cannot carry: the core refuses them now, but a name or
    /// note kept before that would otherwise fail the whole workbook.
    /// </summary>
    private static string Printable(object? value) => PrintableText.Strip(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", lines: true);

    /// <summary>A decimal without the trailing zeros its scale carries ("74", not "74.0").</summary>
    private static string Number(decimal number) => number.ToString("0.##########", CultureInfo.InvariantCulture);

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 || text.StartsWith('=') || text.StartsWith('+') || text.StartsWith('-') || text.StartsWith('@')
            ? "\"" + (text.StartsWith('=') || text.StartsWith('+') || text.StartsWith('-') || text.StartsWith('@') ? "'" : "") + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
}

public sealed record ExportRow(string CommuneName, Scorecard Card, IReadOnlyList<ResultChange> History);
