using Bot.Turns;
using Microsoft.Extensions.Options;

namespace Bot.Channels.Zalo;

/// <summary>
/// Runs Zalo turns after the webhook has been answered: in order for each user, in parallel
/// across users. At start it picks up events accepted before a restart. Replies go back through
/// the OA API; replies Zalo keeps out of a closed window are sent when the user writes again.
/// </summary>
public sealed partial class ZaloTurns(
    TurnPipeline pipeline, ZaloInbox inbox, ZaloSender sender, IOptions<ZaloOptions> options, ILogger<ZaloTurns> log) : IHostedService
{
    private readonly OrderedWork _work = new();

    public void Enqueue(string eventId, ZaloEvent e) => _work.Enqueue(e.Sender?.Id ?? e.Follower?.Id ?? eventId, () => RunAsync(eventId, e));

    public Task IdleAsync() => _work.IdleAsync();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        IReadOnlyList<(string EventId, string RawEvent)> stored;
        try
        {
            stored = await inbox.PendingAsync();
        }
        catch (StackExchange.Redis.RedisException e)
        {
            // Redis unreachable at start must not stop the other channels; the events stay pending for the next start.
            LogRecoveryFailed(e);
            return;
        }
        var pending = stored
            .Select(p => (p.EventId, Event: ZaloEvent.Parse(p.RawEvent)))
            .Where(p => p.Event is not null)
            .OrderBy(p => long.TryParse(p.Event!.Timestamp, out var ms) ? ms : 0);
        foreach (var (eventId, e) in pending)
        {
            Enqueue(eventId, e!);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _work.StopAsync(cancellationToken);

    private async Task RunAsync(string eventId, ZaloEvent zaloEvent)
    {
        try
        {
            if (ZaloActivities.From(zaloEvent, eventId) is { } activity)
            {
                await sender.ResendKeptAsync(activity.From!.Id!, CancellationToken.None);
                var result = await pipeline.RunAsync(activity, CancellationToken.None);
                foreach (var reply in result.Replies)
                {
                    await sender.SendAsync(reply, CancellationToken.None);
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or StackExchange.Redis.RedisException or InvalidOperationException)
        {
            // The state is saved with the turn; the user can send "trợ giúp" to see the question again.
            LogTurnFailed(e);
        }
        finally
        {
            await inbox.DoneAsync(eventId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the Zalo events left pending by the last run")]
    private partial void LogRecoveryFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Zalo turn failed")]
    private partial void LogTurnFailed(Exception exception);
}
