using Bot.Activities;
using Bot.Dialogs;

namespace Bot.Turns.Middleware;

/// <summary>
/// Answers are private: a group chat or Teams channel gets a polite note, once when the bot joins
/// and on each message, and nothing else happens there.
/// </summary>
public sealed class GroupChats(BotTexts texts) : ITurnMiddleware
{
    private static bool IsGroup(ConversationAccount? conversation) =>
        conversation?.IsGroup == true || conversation?.ConversationType is "groupChat" or "channel";

    public Task OnTurnAsync(TurnContext turn, Func<Task> nextTurnStep, CancellationToken cancellationToken)
    {
        if (!IsGroup(turn.Activity.Conversation))
        {
            return nextTurnStep();
        }
        var botJoined = turn.Activity.MembersAdded?.Any(m => m.Id == turn.Activity.Recipient?.Id) == true;
        if (turn.Activity.Type == ActivityTypes.Message || botJoined)
        {
            turn.Say(texts["groupChat"]);
        }
        return Task.CompletedTask;
    }
}
