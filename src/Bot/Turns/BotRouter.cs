using Bot.Activities;
using Bot.Assistant.Questions;
using Bot.Dialogs;
using Bot.Staff;
using Bot.State;
using Bot.Surveys;

namespace Bot.Turns;

/// <summary>
/// Sends each turn to the citizens' survey bot or the staff bot. A survey in progress keeps every
/// message (a comment may well begin with "điểm"); outside one, staff commands go to the staff
/// bot, which checks who is asking. A question ("camera được mấy điểm?") goes to the scoring
/// assistant if the sender is enrolled; citizens' other turns never touch the enrolment store.
/// </summary>
public sealed class BotRouter(SurveyBot surveys, StaffBot staff, StaffTexts words, BotTexts texts, QuestionDetector questions) : ITurnHandler
{
    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type != ActivityTypes.Message || SurveyBot.IsGroup(turn.Activity.Conversation) || turn.State.Phase == Phases.Survey)
        {
            await surveys.OnTurnAsync(turn, cancellationToken);
            return;
        }
        var text = TextNormalizer.Nfc(turn.Activity.Text);
        var command = Read(text);
        if (command is { Kind: StaffCommandKind.Ask } && turn.State.Phase != Phases.Staff)
        {
            // Outside a staff dialog a question may come from anyone: only the enrolled get the assistant.
            if (!await staff.TryAskAsync(turn, command.Rest, cancellationToken))
            {
                await surveys.OnTurnAsync(turn, cancellationToken);
                return;
            }
        }
        else if (command is not null)
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

    /// <summary>
    /// A command, or a question for the assistant. An interrogative wins over a command word
    /// ("điểm camera là bao nhiêu?" asks, it does not open a scorecard); a bare "?" only where
    /// no command matched.
    /// </summary>
    private StaffCommand? Read(string text)
    {
        var command = StaffCommand.Parse(text, words);
        if (command is { Kind: StaffCommandKind.Ask })
        {
            return command;
        }
        return questions.AsksSomething(text) || (command is null && QuestionDetector.EndsWithQuestionMark(text))
            ? new StaffCommand(StaffCommandKind.Ask, text)
            : command;
    }
}
