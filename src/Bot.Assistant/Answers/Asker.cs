using Bot.People;
using Bot.Units;

namespace Bot.Assistant.Answers;

/// <summary>Who asks and when: the enrolled person (their role and unit bound what the answer may use), the unit tree, the scheme year and the time.</summary>
public sealed record Asker(Person Person, UnitTree Tree, int Year, DateTimeOffset Now)
{
    /// <summary>The rubric item the person is scoring or appraising when they ask: what "mục này" means.</summary>
    public string? AtItem { get; init; }

    /// <summary>The year a question is about: the one it names, else "năm ngoái" or "năm sau" from the asker's, else the asker's.</summary>
    public int YearOf(Question question) => question.Year ?? Year + question.YearsFromNow;
}
