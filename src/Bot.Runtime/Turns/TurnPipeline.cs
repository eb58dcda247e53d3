using Bot.Activities;
using Bot.Outbox;
using Bot.State;

namespace Bot.Turns;

/// <summary>
/// One turn, the way Microsoft's scale-out sample does it: load state → run the bot with its
/// replies buffered → compare-and-swap save → only then hand the replies back to be sent. On a
/// conflict the turn reruns from fresh state. An activity already answered gets no second answer.
/// Writes a handler staged with <see cref="TurnContext.AfterSave"/> are carried out after the save,
/// once, whatever the number of runs it took.
/// </summary>
public sealed partial class TurnPipeline(
    ConversationStore store, ITurnHandler bot, ConversationLocks locks, OutboxSignal outbox, TimeProvider clock, ILogger<TurnPipeline> log)
{
    private const int MaxAttempts = 5;

    public async Task<TurnResult> RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversation = new ConversationKey(activity.ChannelId!, activity.Conversation!.Id!);
        using var turnLock = await locks.AcquireAsync(conversation.ToString(), cancellationToken);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var loaded = await store.LoadAsync(conversation, activity.Id);
            if (loaded.Seen)
            {
                return TurnResult.NoReplies;
            }
            var turn = new TurnContext(activity, loaded.Data, clock.GetUtcNow());
            await bot.OnTurnAsync(turn, cancellationToken);
            var saved = await store.TrySaveAsync(conversation, activity.Id, loaded.Etag, turn.State, turn.Completion);
            if (saved == SaveOutcome.SavedFormAlreadyGiven && turn.FormAlreadyGivenReply is { } alreadyGiven)
            {
                // Two tabs finished one invitation at once: the second is thanked, and told the truth.
                return new TurnResult([alreadyGiven], FormFinished: true);
            }
            if (saved != SaveOutcome.Conflict)
            {
                if (turn.Completion is not null)
                {
                    outbox.Notify(conversation.Shard);
                }
                await turn.RunAfterSaveAsync(cancellationToken);
                return new TurnResult(turn.Replies, FormFinished: turn.Completion is not null);
            }
            LogConflict(attempt);
        }
        throw new InvalidOperationException($"The conversation's state kept changing under the turn ({MaxAttempts} attempts).");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "State changed under a turn; rerunning (attempt {Attempt})")]
    private partial void LogConflict(int attempt);
}

/// <summary>
/// The replies to send for a turn; none when the activity was already answered or needs no answer.
/// <paramref name="FormFinished"/>: the turn ended the person's form (stored now, or given already
/// from another tab), which a channel may tell its client (Direct Line: endOfConversation).
/// </summary>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, bool FormFinished = false)
{
    public static readonly TurnResult NoReplies = new([]);
}
