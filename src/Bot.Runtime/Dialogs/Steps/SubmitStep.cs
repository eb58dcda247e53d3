using Bot.State;
using Scoring.Rules;
using Scoring.Scheme;

namespace Bot.Dialogs.Steps;

/// <summary>Completes the form: it is stored with this turn's state, and the bot thanks the user (xin cảm ơn).</summary>
public sealed class SubmitStep : IStepHandler
{
    public string Kind => StepKinds.Submit;
    public bool WaitsForInput => false;

    public void Prompt(StepContext context)
    {
        var progress = context.Progress;
        var steps = context.Dialog.Steps;
        var answers = context.Form.Questions
            .Select(q => progress.Answers[steps.First(s => s.Question == q.Number).Id])
            .ToList();
        var fields = steps.Where(s => s.Field is not null && progress.Answers.TryGetValue(s.Id, out var value) && value.Length > 0)
            .ToDictionary(s => s.Field!, s => progress.Answers[s.Id]);
        context.Turn.Completion = new CompletedForm(
            progress.ResponseId, context.Form.Id, progress.CommuneId, progress.Year, answers, fields, progress.CaseCode,
            context.Turn.Now, context.Turn.ChannelId, progress.Respondent ?? context.Turn.UserKey, progress.Origin, progress.StartedAt);
        // Said instead of the thanks if another tab (or, for an invitation, another person) finished first.
        context.Turn.FormAlreadyGivenReply = context.Turn.Activity.CreateReply(progress.Origin switch
        {
            { InvitationHash: null } => context.Texts.Format("alreadyCompleted", ("communeName", progress.CommuneName), ("year", progress.Year)),
            { Source: FormSources.Cadre } => context.Texts["invitation.cadreUsed"],
            _ => context.Texts["invitation.used"],
        });
        context.Turn.Say(context.Fill(context.Step.Text!));
    }

    public StepResult Handle(StepContext context, string text, string key) => StepResult.Accept(null);
}
