using Bot.Activities;
using Bot.Dialogs;
using Bot.Turns;

namespace Bot.Channels.DirectLine;

/// <summary>
/// Runs the turns of Direct Line conversations after the POST has been answered, in the order
/// the activities arrived in each conversation, and appends the replies to the transcript (from
/// where polls and sockets, on any instance, deliver them). On shutdown, waits for turns in hand.
/// </summary>
public sealed partial class DirectLineTurns(TurnPipeline pipeline, DirectLineStore store, BotTexts texts, ILogger<DirectLineTurns> log) : IHostedService
{
    public const string BotId = "survey-bot";

    private readonly Dictionary<string, (Task Tail, int Pending)> _queues = new(StringComparer.Ordinal);

    /// <summary>The bot as Direct Line shows it: Web Chat tells the bot by its role.</summary>
    public ChannelAccount BotAccount => new(BotId, texts["botName"], "bot");

    /// <summary>Queues a turn for an activity already stored in the transcript.</summary>
    public void Enqueue(Activity activity)
    {
        var conversationId = activity.Conversation!.Id!;
        lock (_queues)
        {
            var previous = _queues.TryGetValue(conversationId, out var queue) ? queue.Tail : Task.CompletedTask;
            var tail = previous.ContinueWith(_ => RunAsync(activity), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            _queues[conversationId] = (tail, queue.Pending + 1);
            tail.ContinueWith(_ => Done(conversationId), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>Turns queued or running, for a clean shutdown and for tests that wait for quiet.</summary>
    public Task IdleAsync()
    {
        lock (_queues)
        {
            return Task.WhenAll(_queues.Values.Select(q => q.Tail));
        }
    }

    private void Done(string conversationId)
    {
        lock (_queues)
        {
            var queue = _queues[conversationId];
            if (queue.Pending == 1)
            {
                _queues.Remove(conversationId);
            }
            else
            {
                _queues[conversationId] = (queue.Tail, queue.Pending - 1);
            }
        }
    }

    private async Task RunAsync(Activity activity)
    {
        var conversationId = activity.Conversation!.Id!;
        try
        {
            var result = await pipeline.RunAsync(activity, CancellationToken.None);
            if (result.Replies.Count > 0)
            {
                await store.AppendAsync(conversationId, result.Replies.Select(AsBotReply).ToList());
            }
        }
        catch (Exception e)
        {
            // The user's message is in the transcript; say so politely rather than go quiet.
            LogTurnFailed(log, e);
            await TrySayBusyAsync(activity);
        }
    }

    private async Task TrySayBusyAsync(Activity activity)
    {
        try
        {
            await store.AppendAsync(activity.Conversation!.Id!, [AsBotReply(activity.CreateReply(texts["busy"]))]);
        }
        catch (Exception e)
        {
            LogTurnFailed(log, e);
        }
    }

    private Activity AsBotReply(Activity reply)
    {
        reply.From = BotAccount;
        reply.ServiceUrl = null;
        return reply;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Turns are short (two Redis round trips): let those in hand finish, within the host's shutdown time.</summary>
    public Task StopAsync(CancellationToken cancellationToken) =>
        IdleAsync().WaitAsync(cancellationToken).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Direct Line turn failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception);
}
