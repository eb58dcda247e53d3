using System.Globalization;
using System.Text;
using Bot.Outbox;
using Bot.Staff.Core;
using Bot.Units;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Options;
using Scoring.Rules;

namespace Bot.Staff.Exports;

/// <summary>Every commune's scorecard under a unit, as rows, then as CSV (UTF-8 with BOM, for Excel) or XLSX.</summary>
public sealed class ScorecardExport(ScoringCoreClient core, StaffTexts texts, IOptions<ExportOptions> options)
{
    /// <summary>The rows, in commune id order; null when the core could not give every scorecard.</summary>
    public async Task<IReadOnlyList<ExportRow>?> RowsAsync(UnitTree tree, string unitId, int year, CancellationToken cancellationToken)
    {
        var communes = tree.CommunesWithin(unitId).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var cards = new Scorecard?[communes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, communes.Count), new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var card = await core.GetScorecardAsync(communes[i].Id, year, token);
                cards[i] = card.Outcome == CoreOutcome.Ok ? card.Value : null;
            });
        if (cards.Any(c => c is null))
        {
            return null;
        }
        return [.. communes.Select((c, i) => new ExportRow(c.Name, cards[i]!))];
    }

    public string[] Columns => texts.Text("export.columns").Split('|');

    public byte[] Csv(IReadOnlyList<ExportRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', Cells(row).Select(cell => cell is decimal number ? Number(number) : Quote(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? ""))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public byte[] Xlsx(IReadOnlyList<ExportRow> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, Columns.Cast<object?>()));
            for (var i = 0; i < rows.Count; i++)
            {
                data.Append(Row((uint)i + 2, Cells(rows[i])));
            }
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = texts.Text("export.sheet") });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
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
                _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")) },
            });
        }
        return row;
    }

    /// <summary>A decimal without the trailing zeros its scale carries ("74", not "74.0").</summary>
    private static string Number(decimal number) => number.ToString("0.##########", CultureInfo.InvariantCulture);

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 || text.StartsWith('=') || text.StartsWith('+') || text.StartsWith('-') || text.StartsWith('@')
            ? "\"" + (text.StartsWith('=') || text.StartsWith('+') || text.StartsWith('-') || text.StartsWith('@') ? "'" : "") + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
}

public sealed record ExportRow(string CommuneName, Scorecard Card);
