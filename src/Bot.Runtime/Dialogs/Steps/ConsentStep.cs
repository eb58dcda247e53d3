using Bot.Activities;

namespace Bot.Dialogs.Steps;

/// <summary>
/// Asks permission (xin phép) before anything is kept, saying truly what the answers are for: the
/// score, or the commune's service improvement; a refusal ends the survey with nothing stored.
/// </summary>
public sealed class ConsentStep : IStepHandler
{
    public string Kind => Scoring.Scheme.StepKinds.Consent;
    public bool WaitsForInput => true;

    public void Prompt(StepContext context) =>
        context.Turn.Say(context.Fill(context.Progress.FeedbackOnly ? context.Step.FeedbackText! : context.Step.Text!), Buttons(context.Texts), expectingInput: true);

    public StepResult Handle(StepContext context, string text, string key)
    {
        // "Không, cảm ơn", "đồng ý, cảm ơn cháu": the thanks said with the answer is not part of it.
        var answer = context.Texts.WithoutThanks(key);
        if (context.Texts.Decline.Matches(answer))
        {
            return StepResult.Stop(context.Fill(context.Step.DeclinedText!));
        }
        if (context.Texts.Accept.Matches(answer))
        {
            return StepResult.Accept("dong-y");
        }
        // "Để sau", "đang bận": not a no; nothing is kept, and the buttons wait for when they have the time.
        if (context.Texts.Later.Matches(answer))
        {
            return StepResult.Later(context.Texts["consent.later"], Buttons(context.Texts));
        }
        // "Tốt" typed before agreeing: they were understood, and are only asked to agree first.
        return StepResult.Invalid(context.Texts[ChoiceOptions.Match(ChoiceOptions.Answers(context.Dialog, context.Form), key, context.Texts.Politeness) is null ? "reprompt.consent" : "reprompt.consentFirst"]);
    }

    public static IReadOnlyList<CardAction> Buttons(BotTexts texts) =>
        [CardAction.ImBack(texts["button.accept"]), CardAction.ImBack(texts["button.decline"])];
}
