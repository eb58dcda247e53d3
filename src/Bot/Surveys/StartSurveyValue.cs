namespace Bot.Surveys;

/// <summary>The value of the "startSurvey" event that the web page and deep links send.</summary>
public sealed record StartSurveyValue(string? Form, string? CommuneId, string? CaseCode);
