namespace Bot.Staff.Enrolment;

/// <summary>Configuration section "Enrolment".</summary>
public sealed class EnrolmentOptions
{
    public const string Section = "Enrolment";

    /// <summary>How long an enrolment code can be redeemed.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a code to link another channel of an enrolled person lives.</summary>
    public TimeSpan LinkCodeLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Wrong codes one channel identity may try per hour before it must wait.</summary>
    public int MaxFailedAttemptsPerHour { get; set; } = 5;
}
