using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Bot.State;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Channels.DirectLine;

/// <summary>
/// The WebSocket behind streamUrl. It first sends what the transcript holds after the watermark,
/// then every activity as it is appended, by any instance (Redis pub/sub). A gap in what it
/// hears (a lost pub/sub message) is filled from the transcript, so a socket never skips an
/// activity; a socket that has heard nothing for a while reads the transcript too, so a lost last
/// message is delivered late rather than never. One socket per conversation: a newer one closes the older with "collision".
/// </summary>
public sealed partial class DirectLineSockets(DirectLineStore store, IConnectionMultiplexer redis, BotKeys keys, IOptions<DirectLineOptions> options, ILogger<DirectLineSockets> log)
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _open = new(StringComparer.Ordinal);

    public async Task<IResult> AcceptAsync(HttpContext context, string conversationId)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineProblems.BadRequest("This address takes a WebSocket connection.");
        }
        var (conversation, refusal) = await DirectLineEndpoints.AuthorizeAsync(context.Request, conversationId, store);
        if (conversation is null)
        {
            return refusal!;
        }
        if (!DirectLineEndpoints.TryReadWatermark(context.Request, out var watermark))
        {
            return DirectLineProblems.BadWatermark();
        }
        using var collision = new CancellationTokenSource();
        await TakeOverAsync(conversationId, collision);
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await StreamAsync(socket, conversationId, watermark ?? 0, collision, context.RequestAborted);
        }
        finally
        {
            _open.TryRemove(new KeyValuePair<string, CancellationTokenSource>(conversationId, collision));
        }
        return Results.Empty;
    }

    /// <summary>
    /// Makes this socket its conversation's one socket and closes the one before it. Done in one step
    /// and before the upgrade is answered: the socket a client opened last is always the one that
    /// stays, even when the older one's stream has not started yet.
    /// </summary>
    private async Task TakeOverAsync(string conversationId, CancellationTokenSource collision)
    {
        CancellationTokenSource? older = null;
        _open.AddOrUpdate(conversationId, collision, (_, previous) =>
        {
            older = previous;
            return collision;
        });
        try
        {
            await (older?.CancelAsync() ?? Task.CompletedTask);
        }
        catch (ObjectDisposedException)
        {
            // The older socket ended meanwhile.
        }
    }

    private async Task StreamAsync(WebSocket socket, string conversationId, long watermark, CancellationTokenSource collision, CancellationToken aborted)
    {
        var feed = Channel.CreateUnbounded<RedisValue>(new UnboundedChannelOptions { SingleReader = true });
        var channel = RedisChannel.Literal(keys.DirectLineFeed(conversationId));
        void OnPublished(RedisChannel _, RedisValue message) => feed.Writer.TryWrite(message);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, collision.Token);
        // A stopping socket closes its feed rather than cancelling the wait on it: every socket ends,
        // and a cancellation thrown up through the loop was two exceptions each time (the benchmark
        // counts them).
        using var closeFeed = stop.Token.Register(() => feed.Writer.TryComplete());
        // Sends are cancelled only when the connection is gone, never by a newer socket: a cancelled
        // send aborts the WebSocket, and the client, given no close frame and so no "collision",
        // would reconnect at once and take the socket back.
        var subscriber = redis.GetSubscriber();
        // Subscribe before reading the backlog, so nothing appended in between is missed.
        var subscribed = subscriber.SubscribeAsync(channel, OnPublished);
        // Observed whenever it fails, even after the socket stopped waiting for it.
        _ = subscribed.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        try
        {
            await SubscribedOrLateAsync(subscribed, stop.Token);
            var sent = await SendFromTranscriptAsync(socket, conversationId, watermark, aborted);
            // Ends the stream by cancelling stop when the client closes or drops; catches its own errors.
            _ = ListenAsync(socket, stop);
            while (await HeardOrQuietAsync(feed.Reader, stop.Token))
            {
                if (!feed.Reader.TryRead(out var message))
                {
                    sent = await SendFromTranscriptAsync(socket, conversationId, sent, aborted);
                    continue;
                }
                var text = (string)message!;
                var space = text.IndexOf(' ', StringComparison.Ordinal);
                var seq = long.Parse(text.AsSpan(0, space), CultureInfo.InvariantCulture);
                if (seq <= sent)
                {
                    continue;
                }
                if (seq == sent + 1)
                {
                    await SendAsync(socket, DirectLineEndpoints.ActivitySet([text[(space + 1)..]], seq), aborted);
                    sent = seq;
                }
                else
                {
                    sent = await SendFromTranscriptAsync(socket, conversationId, sent, aborted);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client left, the server is stopping, or a newer socket took over.
        }
        catch (WebSocketException e)
        {
            LogSocketFailed(log, e);
        }
        finally
        {
            try
            {
                // The client is told first: waiting on Redis (a cluster node failing over) must not hold the close.
                await CloseAsync(socket, collision.IsCancellationRequested ? "collision" : "bye");
            }
            finally
            {
                // Drops this socket's handler at once; the server's UNSUBSCRIBE (when no other socket here
                // listens to the channel) goes without waiting for its answer.
                await subscriber.UnsubscribeAsync(channel, OnPublished, CommandFlags.FireAndForget);
            }
        }
    }

    /// <summary>
    /// Waits for the subscription for at most the catch-up interval. A subscription that takes
    /// longer (its cluster node failing over) or fails must not hold the socket, nor a newer one's
    /// "collision": until it works, the socket reads the transcript after each quiet interval.
    /// </summary>
    private async Task SubscribedOrLateAsync(Task subscribed, CancellationToken stop)
    {
        try
        {
            await subscribed.WaitAsync(options.Value.StreamCatchUpInterval, stop);
        }
        catch (Exception e) when (e is TimeoutException or RedisException)
        {
            LogSubscriptionLate(log, e);
        }
    }

    /// <summary>
    /// True when a message is waiting or the catch-up interval passed in silence (the caller then
    /// finds nothing to read and checks the transcript); false when the feed is closed, which is how
    /// a stopping socket ends (the client left, a newer socket took over, the server stops).
    /// </summary>
    private async Task<bool> HeardOrQuietAsync(ChannelReader<RedisValue> feed, CancellationToken stop)
    {
        using var quiet = new CancellationTokenSource(options.Value.StreamCatchUpInterval);
        try
        {
            return !stop.IsCancellationRequested && await feed.WaitToReadAsync(quiet.Token);
        }
        catch (OperationCanceledException)
        {
            return !stop.IsCancellationRequested;
        }
    }

    /// <summary>Sends what the transcript holds after the watermark; returns the new watermark.</summary>
    private async Task<long> SendFromTranscriptAsync(WebSocket socket, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var page = await store.ReadAsync(conversationId, watermark);
        if (page is null || page.Activities.Count == 0)
        {
            return page?.Watermark ?? watermark;
        }
        await SendAsync(socket, DirectLineEndpoints.ActivitySet(page.Activities, page.Watermark), cancellationToken);
        return page.Watermark;
    }

    /// <summary>
    /// Client frames are only keep-alives (DirectLineJS sends "" every 20 s); a close ends the stream. The receive is
    /// not cancelled when the stream stops: cancelling it aborts the connection, and the client would get no close
    /// frame, so no "collision", and would reconnect at once (two tabs of one conversation then take the socket from
    /// each other every few seconds). It ends with the client's answer to our close, or with the connection.
    /// </summary>
    private static async Task ListenAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var frame = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A dropped connection is an ordinary way for a phone to leave.
        }
        finally
        {
            // The stream may have ended first (our close, answered now): its token is gone with it.
            try
            {
                await stop.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private static Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task CloseAsync(WebSocket socket, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Already gone.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Direct Line socket's subscription to its feed is late or failed; it reads the transcript until the feed works")]
    private static partial void LogSubscriptionLate(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "A Direct Line socket failed")]
    private static partial void LogSocketFailed(ILogger logger, Exception exception);
}
