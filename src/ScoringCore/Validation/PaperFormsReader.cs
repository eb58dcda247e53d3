using System.Globalization;
using Scoring.Rules;
using ScoringCore.Api;
using ScoringCore.Contracts;

namespace ScoringCore.Validation;

/// <summary>
/// Reads paper forms (Phụ lục 02 and 03 on paper) as a CSV an appraiser's office exports:
/// a header "communeId,year,form,sheet,q1,q2,q3,q4,q5,collectedOn" (";" also works, as a
/// Vietnamese Excel writes it), then one sheet a row. Answers are points as printed on the
/// form (2, 1, 0,5 or 0.5, 0) or answer codes. Each row becomes a survey response with source
/// "paper" whose reference is the sheet number, so a sheet can never be entered twice.
/// </summary>
public sealed class PaperFormsReader(ScoringRules rules, ApiProblems problems)
{
    public const int MaxRows = 2000;
    private static readonly string[] Columns = ["communeId", "year", "form", "sheet", "q1", "q2", "q3", "q4", "q5", "collectedOn"];

    public (List<SurveyResponseRequest>? Forms, ApiError? Error) Read(string csv)
    {
        var lines = csv.Replace("\r", "", StringComparison.Ordinal).Split('\n').Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count < 2)
        {
            return (null, problems.BadRequest("", "paper.empty"));
        }
        if (lines.Count - 1 > MaxRows)
        {
            return (null, problems.BadRequest("", "paper.tooMany", ("max", MaxRows)));
        }
        var separator = lines[0].Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var header = lines[0].Split(separator).Select(h => h.Trim()).ToList();
        if (!header.SequenceEqual(Columns, StringComparer.OrdinalIgnoreCase))
        {
            return (null, problems.BadRequest("", "paper.header", ("columns", string.Join(separator, Columns))));
        }
        var forms = new List<SurveyResponseRequest>(lines.Count - 1);
        for (var row = 1; row < lines.Count; row++)
        {
            var cells = lines[row].Split(separator).Select(c => c.Trim().Trim('"')).ToList();
            var at = $"[{row}]";
            if (cells.Count != Columns.Length)
            {
                return (null, problems.BadRequest(at, "paper.cells", ("row", row), ("count", Columns.Length)));
            }
            if (!int.TryParse(cells[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                return (null, problems.BadRequest($"{at}.year", "field.year", ("from", rules.Scheme.Rules.Years.From), ("to", rules.Scheme.Rules.Years.To)));
            }
            if (rules.Scheme.FindForm(cells[2]) is not { } form)
            {
                return (null, problems.BadRequest($"{at}.form", "field.oneOf", ("allowed", string.Join(", ", rules.Scheme.Forms.Keys.Order(StringComparer.Ordinal)))));
            }
            if (!Ids.Reference().IsMatch(cells[3]))
            {
                return (null, problems.BadRequest($"{at}.sheet", "paper.sheet"));
            }
            var answers = new List<string?>();
            for (var q = 0; q < 5; q++)
            {
                if (AnswerCode(form, cells[4 + q]) is not { } code)
                {
                    return (null, problems.BadRequest($"{at}.q{q + 1}", "paper.answer", ("allowed", string.Join(", ", form.Answers.Select(a => $"{a.Points.ToString(CultureInfo.InvariantCulture)} ({a.Code})")))));
                }
                answers.Add(code);
            }
            if (!DateOnly.TryParseExact(cells[9], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var collectedOn))
            {
                return (null, problems.BadRequest($"{at}.collectedOn", "paper.collectedOn"));
            }
            forms.Add(Form(cells[0], year, form.Id, cells[3], answers, collectedOn, rules.Scheme.Rules.UtcOffset));
        }
        return (forms, null);
    }

    /// <summary>One paper sheet as a survey response, its id made from the sheet so a retry is the same form.</summary>
    public static SurveyResponseRequest Form(string communeId, int year, string form, string sheet, List<string?> answers, DateOnly collectedOn, string utcOffset) => new(
        FormSources.PaperResponseId(form, communeId, year, sheet),
        form,
        communeId,
        year,
        answers,
        // The day the sheet was collected, at its first minute in the scheme's zone: a date is all paper has.
        collectedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00" + utcOffset,
        "paper",
        InWindow: null,
        Source: FormSources.Paper,
        Reference: sheet);

    /// <summary>"2", "0,5", "0.5" as points, or an answer's code.</summary>
    private static string? AnswerCode(Scoring.Scheme.SurveyForm form, string cell)
    {
        if (form.FindAnswer(cell) is { } byCode)
        {
            return byCode.Code;
        }
        return decimal.TryParse(cell.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var points)
            ? form.Answers.FirstOrDefault(a => a.Points == points)?.Code
            : null;
    }
}
