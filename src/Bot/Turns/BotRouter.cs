using Bot.Activities;
using Bot.Dialogs;
using Bot.Staff;
using Bot.State;
using Bot.Surveys;

namespace Bot.Turns;

/// <summary>
/// Sends each turn to the citizens' survey bot or the staff bot. A survey in progress keeps every
/// message (a comment may well begin with "điểm"); outside one, staff commands go to the staff
/// bot, which checks who is asking. Citizens' turns never touch the enrolment store.
/// </summary>
public sealed class BotRouter(SurveyBot surveys, StaffBot staff, StaffTexts words, BotTexts texts) : ITurnHandler
{
    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type != ActivityTypes.Message || SurveyBot.IsGroup(turn.Activity.Conversation) || turn.State.Phase == Phases.Survey)
        {
            await surveys.OnTurnAsync(turn, cancellationToken);
            return;
        }
        var text = TextNormalizer.Nfc(turn.Activity.Text);
        if (StaffCommand.Parse(text, words) is { } command)
        {
            await staff.OnCommandAsync(turn, command, cancellationToken);
        }
        else if (turn.State.Phase == Phases.Staff)
        {
            await staff.OnDialogAsync(turn, text, cancellationToken);
        }
        else if (!texts.Help.Matches(TextNormalizer.Key(text)) || !await staff.TryHelpAsync(turn))
        {
            await surveys.OnTurnAsync(turn, cancellationToken);
            return;
        }
        turn.State.UpdatedAt = turn.Now;
    }
}
