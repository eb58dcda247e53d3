using Scoring.Rules;

namespace ScoringCore.Storage;

/// <summary>
/// A form's standing as the store writes it: in the forms index ("standing|reasons") and as the
/// suffix of its aggregate group ("citizen" counted, "citizen-outside", "citizen-feedback",
/// "citizen-held", "citizen-excluded"). "open" and "case" are candidates the ingest script settles.
/// </summary>
internal static class FormStandings
{
    public const string Counted = "counted";
    public const string Outside = "outside";
    public const string Feedback = "feedback";
    public const string Held = "held";
    public const string Excluded = "excluded";

    public static string Name(FormStanding standing) => standing switch
    {
        FormStanding.Counted => Counted,
        FormStanding.OutsideWindow => Outside,
        FormStanding.Feedback => Feedback,
        FormStanding.Held => Held,
        FormStanding.Excluded => Excluded,
        FormStanding.CaseCandidate => "case",
        _ => "open",
    };

    /// <summary>The aggregate group of a form in a standing.</summary>
    public static string Group(string formId, string standing) => standing == Counted ? formId : $"{formId}-{standing}";

    /// <summary>Reads an index entry "standing|reason,reason".</summary>
    public static (string Standing, IReadOnlyList<string> Reasons) Parse(string entry)
    {
        var bar = entry.IndexOf('|', StringComparison.Ordinal);
        var standing = bar < 0 ? entry : entry[..bar];
        var reasons = bar < 0 ? "" : entry[(bar + 1)..];
        return (standing, reasons.Length == 0 ? [] : reasons.Split(','));
    }
}
