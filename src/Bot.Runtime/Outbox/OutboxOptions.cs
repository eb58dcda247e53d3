namespace Bot.Outbox;

/// <summary>The outbox worker's timing, from the "Bot" section under the names it always had (Bot:OutboxRetryDelay…).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Bot";

    /// <summary>First wait between a delivery's retries to the scoring core (doubling, with jitter, 4 retries; the standard resilience handler's).</summary>
    [ConfigurationKeyName("OutboxRetryDelay")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A delivery's retries: after these the form goes back to its queue.</summary>
    public const int Retries = 4;

    /// <summary>How long one attempt may take.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Pause after a delivery failed all its retries, so a down core is not hammered.</summary>
    [ConfigurationKeyName("OutboxPauseAfterFailure")]
    public TimeSpan PauseAfterFailure { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Forms delivered at once (each waits for the core on its own); at least 1.</summary>
    [ConfigurationKeyName("OutboxConcurrency")]
    public int Concurrency { get; set; } = 4;

    /// <summary>How often the worker looks for work when nobody has signalled it.</summary>
    [ConfigurationKeyName("OutboxPollInterval")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// An entry still in flight after this long is taken back into its queue: its worker's last word
    /// was lost (Redis failed over before the "done" reached a replica). Longer than a delivery with all its retries.
    /// </summary>
    [ConfigurationKeyName("OutboxStaleAfter")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);
}
