using Bot.Activities;
using Bot.Configuration;
using Bot.Dialogs;
using Microsoft.Extensions.Options;
using Scoring.Text;

namespace Bot.Turns.Middleware;

/// <summary>
/// Reads a message's text once, in NFC (phones send Vietnamese composed or decomposed) and printable, and answers
/// a text longer than the limit politely instead of handing it on.
/// </summary>
public sealed class MessageText(BotTexts texts, IOptions<BotOptions> options) : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext turn, Func<Task> nextTurnStep, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return nextTurnStep();
        }
        // Control characters go before anything reads the text: none is ever meant, and the scoring
        // core refuses them in what it keeps (a note, a reason), which would lose the person's work.
        turn.Text = PrintableText.Strip(TextNormalizer.Nfc(turn.Activity.Text), lines: true);
        if (turn.Text.Length > options.Value.MaxTextLength)
        {
            turn.Say(texts.Format("tooLong", ("max", options.Value.MaxTextLength)));
            return Task.CompletedTask;
        }
        return nextTurnStep();
    }
}
