namespace Scoring.Scheme;

/// <summary>A survey form (Phụ lục 02 for citizens, 03 for village cadres).</summary>
public sealed record SurveyForm
{
    public required string Id { get; init; }
    public required string Appendix { get; init; }
    public required string Title { get; init; }
    public required string Audience { get; init; }

    /// <summary>Whether only forms collected inside the citizen survey window count.</summary>
    public required bool UsesSurveyWindow { get; init; }

    public required IReadOnlyList<SurveyQuestion> Questions { get; init; }
    public required IReadOnlyList<SurveyAnswer> Answers { get; init; }

    public SurveyAnswer? FindAnswer(string code) => Answers.FirstOrDefault(a => a.Code == code);

    public decimal MaxScore => Questions.Count * Answers.Max(a => a.Points);
}

/// <summary>A question of a form: its number, the few words officials read it by (<see cref="Topic"/>), and its text verbatim.</summary>
public sealed record SurveyQuestion(int Number, string Text, string Topic = "");

public sealed record SurveyAnswer(string Code, string Label, decimal Points);
