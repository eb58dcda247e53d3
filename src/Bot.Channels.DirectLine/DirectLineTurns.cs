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

    private readonly OrderedWork _work = new();

    /// <summary>The bot as Direct Line shows it: Web Chat tells the bot by its role.</summary>
    public ChannelAccount BotAccount => new(BotId, texts["botName"], "bot");

    /// <summary>Queues a turn for an activity already stored in the transcript.</summary>
    public void Enqueue(Activity activity) => _work.Enqueue(activity.Conversation!.Id!, () => RunAsync(activity));

    /// <summary>Turns queued or running, for a clean shutdown and for tests that wait for quiet.</summary>
    public Task IdleAsync() => _work.IdleAsync();

    private async Task RunAsync(Activity activity)
    {
        var conversationId = activity.Conversation!.Id!;
        try
        {
            var result = await pipeline.RunAsync(activity, CancellationToken.None);
            var replies = result.Replies.Select(AsBotReply).ToList();
            if (result.FormFinished)
            {
                replies.Add(AsBotReply(EndOfSurvey(activity)));
            }
            if (replies.Count > 0)
            {
                await store.AppendAsync(conversationId, replies);
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

    /// <summary>
    /// After the thanks: the form is given, so a page that keeps its conversation to resume it
    /// forgets it (a shared phone then shows the next person no one's answers). Web Chat shows nothing for it.
    /// </summary>
    private static Activity EndOfSurvey(Activity activity)
    {
        var end = activity.CreateReply(null);
        end.Type = ActivityTypes.EndOfConversation;
        end.Code = EndOfConversationCodes.CompletedSuccessfully;
        return end;
    }

    private Activity AsBotReply(Activity reply)
    {
        reply.From = BotAccount;
        reply.ServiceUrl = null;
        return MarkdownBreaks.Apply(reply);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Turns are short (two Redis round trips): let those in hand finish, within the host's shutdown time.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _work.StopAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "A Direct Line turn failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception);
}
