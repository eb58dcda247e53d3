namespace Bot.Staff.Reminders;

/// <summary>Configuration section "Reminders".</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for reminders that have fallen due.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Days before a deadline to remind, as a comma-separated list (not an array: configuration would append to a default one).</summary>
    public string DaysBefore { get; set; } = "7,2";

    public IReadOnlyList<int> Days => [.. DaysBefore.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).OrderDescending()];
}
