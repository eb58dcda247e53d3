namespace Scoring.Rules;

/// <summary>The running totals of one form for one commune and year: enough to score it without the forms.</summary>
public sealed record SurveyAggregate(long Count, long SumCentiPoints, IReadOnlyList<long> QuestionSumsCentiPoints)
{
    public static SurveyAggregate Empty(int questions) => new(0, 0, new long[questions]);
}
