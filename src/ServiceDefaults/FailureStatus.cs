using Microsoft.AspNetCore.Http;
using StackExchange.Redis;

namespace ServiceDefaults;

/// <summary>
/// The status an unhandled failure answers with, the same in the bot and the scoring core (each words it in
/// its own Vietnamese problem): the sender's unreadable body keeps its own, Redis not answering is a 503 (a
/// failover: trying again shortly works), anything else a 500.
/// </summary>
public static class FailureStatus
{
    public static int Of(Exception? failure) => failure switch
    {
        BadHttpRequestException unreadable => Unreadable(unreadable),
        _ when StoreDown(failure) => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static bool StoreDown(Exception? failure) => failure is RedisException or TimeoutException;

    /// <summary>A body that could not be read: too slow (408) and too large (413) as Kestrel said; any other is a 400.</summary>
    private static int Unreadable(BadHttpRequestException unreadable) => unreadable.StatusCode is 408 or 413 ? unreadable.StatusCode : 400;
}
