using Bot.State;
using Bot.Turns;
using Scoring.Scheme;

namespace Bot.Dialogs;

/// <summary>Everything a step handler sees: the turn, the survey definition and form, and where the user is.</summary>
public sealed record StepContext(TurnContext Turn, SurveyDialog Dialog, SurveyForm Form, SurveyProgress Progress, BotTexts Texts)
{
    public DialogStep Step => Dialog.Steps[Progress.Step];

    /// <summary>The answer the invitation knows for this step and offers on a button (a registered cadre's name); null when none.</summary>
    public string? Offered => Progress.Offered?.GetValueOrDefault(Step.Id);

    /// <summary>A yes or a no to the answer offered ("ok", "không phải"): the step's to read, not "nothing to add".</summary>
    public bool RepliesToTheOffer(string key) => Offered is not null && Texts.ConfirmReply(key) is not null;

    /// <summary>A text from the dialog file with {communeName} (as it reads there: mid-sentence "xã Cẩm Vũ"), {unitKind} ("xã", "phường", "thị trấn") and {year} filled in.</summary>
    public string Fill(string text) =>
        Texts.UnitNames.FillIn(text, "{communeName}", Progress.CommuneName)
            .Replace("{unitKind}", Texts.UnitNames.Kind(Progress.CommuneName), StringComparison.Ordinal)
            .Replace("{year}", Progress.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
