using Bot.People;
using Bot.Staff.Enrolment;
using Bot.Turns;

namespace Bot.Staff;

/// <summary>
/// Attaches <see cref="TurnSender"/> to every turn. When the sender turns out to be enrolled, where
/// to reach them (for reminders) is remembered after the turn's save, like any write a turn decides on.
/// </summary>
public sealed class SenderMiddleware(EnrolmentStore enrolments, ReminderAddresses addresses) : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext turn, Func<Task> nextTurnStep, CancellationToken cancellationToken)
    {
        turn.Memo(() => new TurnSender(() => LookUpAsync(turn)));
        return nextTurnStep();
    }

    private async Task<Person?> LookUpAsync(TurnContext turn)
    {
        var person = await enrolments.FindByIdentityAsync(turn.UserKey);
        if (person is not null)
        {
            turn.AfterSave(_ => addresses.RememberAsync(turn, person));
        }
        return person;
    }
}
