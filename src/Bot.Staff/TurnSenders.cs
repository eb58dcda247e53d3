using Bot.People;
using Bot.Staff.Enrolment;
using Bot.Turns;

namespace Bot.Staff;

/// <summary>
/// Who sent a turn, as enrolled right now, for the routes that need to know: looked up at most once
/// per run of the turn, and only when a route asks, so a citizen's answers never touch the
/// enrolment store (nor run this code). When the sender turns out to be enrolled, where to reach
/// them (for reminders) is remembered after the turn's save, like any write a turn decides on.
/// </summary>
public sealed class TurnSenders(EnrolmentStore enrolments, ReminderAddresses addresses)
{
    public Task<Person?> PersonAsync(TurnContext turn) => turn.Memo(() => new TurnSender(() => LookUpAsync(turn))).PersonAsync();

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
