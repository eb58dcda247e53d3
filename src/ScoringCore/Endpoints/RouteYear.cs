using System.Globalization;

namespace ScoringCore.Endpoints;

/// <summary>Years arrive as route text so that "abc" gets a named 400, not a silent 404 from routing.</summary>
internal static class RouteYear
{
    public static int Parse(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : -1;
}
