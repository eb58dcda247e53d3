namespace Bot.Staff.Exports;

/// <summary>Configuration section "Exports".</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>How long a download link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
