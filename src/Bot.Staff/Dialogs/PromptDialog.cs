using Bot.Dialogs;
using Bot.State;
using Scoring.Text;

namespace Bot.Staff.Dialogs;

/// <summary>
/// A short staff dialog: a few prompts one after another (a disqualification's case and note, a
/// paper sheet's number and answers, a cadre's role, village and name). Each prompt is a step
/// keyed by what the dialog's frame is waiting for; "dừng" or "hủy" leaves at any step.
/// </summary>
public abstract class PromptDialog(StaffTexts texts, BotTexts common) : StaffDialog(texts, common)
{
    protected delegate Task PromptStep(StaffTurn staff, StaffProgress progress, string text, string key, CancellationToken cancellationToken);

    /// <summary>The steps in the order they are asked; a frame waiting for something else (stored by an older version) goes to the first.</summary>
    protected abstract IReadOnlyList<(StaffAwaiting Awaiting, PromptStep Handle)> Steps { get; }

    /// <summary>The key of the text said when the person leaves.</summary>
    protected abstract string StoppedText { get; }

    public sealed override Task ContinueAsync(StaffTurn staff, string text, CancellationToken cancellationToken)
    {
        var progress = staff.Turn.State.Staff!;
        var key = TextNormalizer.Key(text);
        if (IsStop(key))
        {
            staff.Turn.Say(Texts.Text(StoppedText));
            staff.EndDialog();
            return Task.CompletedTask;
        }
        var step = Steps.FirstOrDefault(s => s.Awaiting == progress.Awaiting);
        return (step.Handle ?? Steps[0].Handle)(staff, progress, text, key, cancellationToken);
    }
}
