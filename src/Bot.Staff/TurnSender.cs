using Bot.People;
using Bot.Turns;

namespace Bot.Staff;

/// <summary>
/// Who sent this turn, as enrolled right now: looked up at most once per run of the turn, and only
/// when a route asks, so a citizen's answers never touch the enrolment store.
/// </summary>
public sealed class TurnSender(Func<Task<Person?>> lookUp)
{
    private Task<Person?>? _person;

    /// <summary>The enrolled person, or null for a citizen (or a revoked enrolment).</summary>
    public Task<Person?> PersonAsync() => _person ??= lookUp();

    /// <summary>The sender of <paramref name="turn"/>, attached by <see cref="SenderMiddleware"/>.</summary>
    public static TurnSender Of(TurnContext turn) =>
        turn.Memo<TurnSender>(() => throw new InvalidOperationException("SenderMiddleware is not registered."));
}
