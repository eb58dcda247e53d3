using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Bot.Channels.DirectLine;

/// <summary>
/// Posts per conversation per minute. Counted in this process: with several instances behind a
/// balancer each counts its own share, which still stops a script hammering one conversation.
/// </summary>
public sealed class DirectLineRateLimits(IOptions<DirectLineOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _posts = PartitionedRateLimiter.Create<string, string>(conversationId =>
        RateLimitPartition.GetFixedWindowLimiter(conversationId, _ => PerMinute(options.Value.PostsPerMinutePerConversation)));

    /// <summary>
    /// A partition's window: so many a minute, no queue (a refusal is answered at once). The
    /// partitioned limiter replenishes every partition on one timer: no timer per partition.
    /// </summary>
    public static FixedWindowRateLimiterOptions PerMinute(int limit) => new()
    {
        PermitLimit = limit,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = false,
    };

    public bool TryPost(string conversationId)
    {
        using var lease = _posts.AttemptAcquire(conversationId);
        return lease.IsAcquired;
    }

    public void Dispose() => _posts.Dispose();
}
