namespace Bot.Turns;

/// <summary>
/// The turn handler the pipeline runs: the middleware in order, then the first route that owns the
/// turn. A turn no route owns (a typing indicator, an unknown event) gets no answer.
/// </summary>
public sealed class TurnRouter(IEnumerable<ITurnMiddleware> middleware, RouteTable routes) : ITurnHandler
{
    private readonly ITurnMiddleware[] _middleware = [.. middleware];

    public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken) => new Steps(this, turn, cancellationToken).NextAsync();

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

    /// <summary>
    /// One turn's way through the middleware. Every middleware is handed the same "next", which goes on
    /// to the one after it (a middleware calls it once, or not at all), so a turn allocates this and one
    /// delegate rather than a closure and a delegate for each middleware.
    /// </summary>
    private sealed class Steps
    {
        private readonly TurnRouter _router;
        private readonly TurnContext _turn;
        private readonly CancellationToken _cancellationToken;
        private readonly Func<Task> _next;
        private int _index;

        public Steps(TurnRouter router, TurnContext turn, CancellationToken cancellationToken)
        {
            (_router, _turn, _cancellationToken) = (router, turn, cancellationToken);
            _next = NextAsync;
        }

        public Task NextAsync() =>
            _index < _router._middleware.Length
                ? _router._middleware[_index++].OnTurnAsync(_turn, _next, _cancellationToken)
                : _router.RouteAsync(_turn, _cancellationToken);
    }
}
