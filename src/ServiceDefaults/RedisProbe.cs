using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ServiceDefaults;

/// <summary>What /healthz asks of Redis: does it answer a PING, and how fast.</summary>
public static partial class RedisProbe
{
    /// <summary>The round trip in milliseconds, or null (logged) when Redis does not answer.</summary>
    public static async Task<double?> PingAsync(IConnectionMultiplexer redis, ILogger logger)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return Math.Round(latency.TotalMilliseconds, 2);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnreachable(logger, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is not reachable")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}
