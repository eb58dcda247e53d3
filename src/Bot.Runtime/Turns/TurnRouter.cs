namespace Bot.Turns;

/// <summary>
/// The turn handler the pipeline runs: the middleware in order, then the first route that owns the
/// turn. A turn no route owns (a typing indicator, an unknown event) gets no answer.
/// </summary>
public sealed class TurnRouter(IEnumerable<ITurnMiddleware> middleware, RouteTable routes) : ITurnHandler
{
    private readonly ITurnMiddleware[] _middleware = [.. middleware];

    public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken) => RunAsync(0, turn, cancellationToken);

    private Task RunAsync(int index, TurnContext turn, CancellationToken cancellationToken) =>
        index < _middleware.Length
            ? _middleware[index].OnTurnAsync(turn, () => RunAsync(index + 1, turn, cancellationToken), cancellationToken)
            : RouteAsync(turn, cancellationToken);

    private async Task RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        foreach (var route in routes.Routes)
        {
            if (await route.Selects(turn, cancellationToken))
            {
                turn.Route = route.Name;
                // Which route answered, on the request's span when tracing is on: a name, never the message.
                System.Diagnostics.Activity.Current?.SetTag("bot.route", route.Name);
                await route.Handle(turn, cancellationToken);
                return;
            }
        }
    }
}
