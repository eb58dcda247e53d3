namespace Bot.Configuration;

/// <summary>Configuration section "Bot": the turn and its state (the outbox's settings are <see cref="Outbox.OutboxOptions"/>).</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>Prefix of every Redis key the bot writes.</summary>
    public string KeyPrefix { get; set; } = "bot:";

    /// <summary>A user who returns within this time continues the survey where they left it.</summary>
    public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>After a silence this long, the user is told they are continuing a survey.</summary>
    public TimeSpan ResumeNoticeAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Inbound activity ids are remembered this long, so a redelivery is answered once.</summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a completed form (with its optional name and address) is kept, as the consent notice says.</summary>
    public TimeSpan FormRetention { get; set; } = TimeSpan.FromDays(366);

    /// <summary>Longest message text accepted.</summary>
    public int MaxTextLength { get; set; } = 2000;
}
