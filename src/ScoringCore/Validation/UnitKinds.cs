namespace ScoringCore.Validation;

/// <summary>
/// The kinds of administrative unit and which may hang under which. Since 1 July 2025 Vietnam
/// has no district level, so a commune may sit directly under a province.
/// </summary>
public static class UnitKinds
{
    public const string Province = "province";
    public const string District = "district";
    public const string Commune = "commune";

    public static readonly string[] All = [Province, District, Commune];

    public static bool MayHangUnder(string kind, string parentKind) => (kind, parentKind) switch
    {
        (District, Province) => true,
        (Commune, Province) or (Commune, District) => true,
        _ => false,
    };
}
