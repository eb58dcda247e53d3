namespace Bot.Configuration;

/// <summary>Configuration section "Bot".</summary>
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

    /// <summary>First wait between delivery retries to the scoring core (doubling, with jitter, 4 retries).</summary>
    public TimeSpan OutboxRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Pause after a delivery failed all its retries, so a down core is not hammered.</summary>
    public TimeSpan OutboxPauseAfterFailure { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the outbox worker looks for work when nobody has signalled it.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// An entry still in flight after this long is taken back into its queue: its worker's last word
    /// was lost (Redis failed over before the "done" reached a replica). Longer than a delivery with all its retries.
    /// </summary>
    public TimeSpan OutboxStaleAfter { get; set; } = TimeSpan.FromMinutes(2);
}
