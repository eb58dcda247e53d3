namespace Bot.Turns;

/// <summary>
/// What every turn needs before its route runs (group chats, text limits, the resume notice, who the
/// sender is). Calls <paramref name="nextTurnStep"/> once to go on, or answers the turn itself and does not
/// call it (every middleware of a turn is handed the same step, which moves on to the one after it).
/// </summary>
public interface ITurnMiddleware
{
    Task OnTurnAsync(TurnContext turn, Func<Task> nextTurnStep, CancellationToken cancellationToken);
}
