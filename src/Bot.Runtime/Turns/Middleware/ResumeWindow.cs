using Bot.Configuration;
using Bot.State;
using Microsoft.Extensions.Options;

namespace Bot.Turns.Middleware;

/// <summary>
/// A survey left longer than the resume window starts afresh; a shorter gap, past the notice time,
/// marks the turn <see cref="TurnContext.Returning"/> so the survey greets the person back.
/// </summary>
public sealed class ResumeWindow(IOptions<BotOptions> options) : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext turn, Func<Task> nextTurnStep, CancellationToken cancellationToken)
    {
        if (turn.State.Phase == Phase.Survey && turn.State.UpdatedAt is { } last)
        {
            var gap = turn.Now - last;
            if (gap > options.Value.ResumeWindow)
            {
                turn.State.EndDialog();
            }
            else
            {
                turn.Returning = gap >= options.Value.ResumeNoticeAfter;
            }
        }
        return nextTurnStep();
    }
}
