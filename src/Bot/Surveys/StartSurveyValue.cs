namespace Bot.Surveys;

/// <summary>
/// The value of the "startSurvey" event. The web page sends its signed <see cref="Link"/>
/// ("{form}/{communeId}/{signature}"), which wins over the plain fields; deep links on trusted
/// channels may name the form and commune directly.
/// </summary>
public sealed record StartSurveyValue(string? Form, string? CommuneId, string? CaseCode, string? Link = null);
