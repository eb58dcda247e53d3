namespace Bot.Turns;

/// <summary>The bot's logic for one turn: reads the activity and state, changes the state, says replies.</summary>
public interface ITurnHandler
{
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
