using Bot.People;

namespace Bot.Staff;

/// <summary>
/// One run of a turn's look-up of its sender, made at most once, when first asked. Kept on the turn
/// by <see cref="TurnSenders"/>; a test of the routes puts its own on the turn instead.
/// </summary>
public sealed class TurnSender(Func<Task<Person?>> lookUp)
{
    private Task<Person?>? _person;

    /// <summary>The enrolled person, or null for a citizen (or a revoked enrolment).</summary>
    public Task<Person?> PersonAsync() => _person ??= lookUp();
}
