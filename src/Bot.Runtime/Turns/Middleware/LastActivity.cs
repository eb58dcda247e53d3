namespace Bot.Turns.Middleware;

/// <summary>Stamps the conversation with the turn's time, which the resume window is measured from.</summary>
public sealed class LastActivity : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turn, Func<Task> nextTurnStep, CancellationToken cancellationToken)
    {
        await nextTurnStep();
        turn.State.UpdatedAt = turn.Now;
    }
}
