using System.Text.RegularExpressions;

namespace ScoringCore.Validation;

/// <summary>The shapes of ids; anything that reaches a Redis key passes one of these first.</summary>
internal static partial class Ids
{
    public const int MaxUnitId = 64;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    public static partial Regex Unit();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")]
    public static partial Regex Response();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    public static partial Regex Channel();

    /// <summary>What a form stands for (a case code's hash, a registration id, a sheet number): used in a key.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    public static partial Regex Reference();

    /// <summary>A keyed hash of a device or an address, made by the bot.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    public static partial Regex Hash();

    /// <summary>ISO 8601 with an explicit offset: a time without one would be read in the server's zone.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    public static partial Regex InstantWithOffset();
}
