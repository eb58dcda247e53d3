namespace Bot.Staff.Exports;

/// <summary>Configuration section "Exports".</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>How long a download link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Scorecards fetched from the scoring core at once while building a file.</summary>
    public int Parallelism { get; set; } = 8;
}
