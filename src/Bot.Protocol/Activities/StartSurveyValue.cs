namespace Bot.Activities;

/// <summary>
/// The value of the "startSurvey" event. The web page sends its signed <see cref="Link"/>
/// ("{form}/{communeId}/{signature}"), which wins over the plain fields; deep links on trusted
/// channels may name the form and commune directly. An invitation page sends "i/{code}/{signature}";
/// the open page adds its signed <see cref="Stamp"/> (device and address, see <see cref="PageStamps"/>).
/// </summary>
public sealed record StartSurveyValue(string? Form, string? CommuneId, string? CaseCode, string? Link = null, string? Stamp = null);
