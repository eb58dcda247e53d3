using System.Globalization;

namespace Scoring.Text;

/// <summary>Numbers and dates as the scheme's Vietnamese texts write them, for the scoring core and the bot alike.</summary>
public static class VietnameseFormat
{
    /// <summary>Points with a decimal comma and no trailing zeros: "0,5", "1", "90,17".</summary>
    public static string Points(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>A share (0–1) as a percentage, written as points are: 0.3333 → "33,33", 0.9 → "90".</summary>
    public static string Percent(decimal share) => Points(Math.Round(share * 100, 2));

    /// <summary>Allowed values as listed to a person: "0; 0,5; 1".</summary>
    public static string PointsList(IEnumerable<decimal> values) => string.Join("; ", values.Select(Points));

    /// <summary>A date as on the scheme's documents: "15/12/2026" (in the offset the value carries).</summary>
    public static string Date(DateTimeOffset at) => at.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>An ISO day as the core writes a round's ("2026-11-23") said without its year ("23/11"); anything else as it is.</summary>
    public static string DayMonth(string isoDay) => DateOnly.TryParseExact(isoDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        ? day.ToString("dd/MM", CultureInfo.InvariantCulture)
        : isoDay;
}
