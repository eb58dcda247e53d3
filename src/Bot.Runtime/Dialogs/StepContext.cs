using Bot.State;
using Bot.Turns;
using Scoring.Scheme;

namespace Bot.Dialogs;

/// <summary>Everything a step handler sees: the turn, the survey definition and form, and where the user is.</summary>
public sealed record StepContext(TurnContext Turn, SurveyDialog Dialog, SurveyForm Form, SurveyProgress Progress, BotTexts Texts)
{
    public DialogStep Step => Dialog.Steps[Progress.Step];

    /// <summary>A text from the dialog file with {communeName} (as it reads there: mid-sentence "xã Cẩm Vũ"), {unitKind} ("xã", "phường", "thị trấn") and {year} filled in.</summary>
    public string Fill(string text) =>
        Texts.UnitNames.FillIn(text, "{communeName}", Progress.CommuneName)
            .Replace("{unitKind}", Texts.UnitNames.Kind(Progress.CommuneName), StringComparison.Ordinal)
            .Replace("{year}", Progress.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
