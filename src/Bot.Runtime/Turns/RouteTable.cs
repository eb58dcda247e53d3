using Bot.Activities;
using Bot.State;

namespace Bot.Turns;

/// <summary>
/// The bot's routes in the order they are tried, in the spirit of the Agents SDK's
/// <c>OnActivity</c>/<c>OnMessage</c>: the first route whose selector says yes owns the turn, and no
/// handler hands a turn on to another.
/// </summary>
public sealed class RouteTable
{
    private readonly List<TurnRoute> _routes = [];

    public IReadOnlyList<TurnRoute> Routes => _routes;

    public RouteTable OnActivity(string name, string activityType, RouteHandler handle) =>
        Add(name, turn => turn.Activity.Type == activityType, handle);

    public RouteTable OnEvent(string name, string eventName, RouteHandler handle) =>
        Add(name, turn => turn.Activity.Type == ActivityTypes.Event && turn.Activity.Name == eventName, handle);

    public RouteTable OnMessage(string name, Func<TurnContext, bool> selects, RouteHandler handle) =>
        Add(name, turn => turn.Activity.Type == ActivityTypes.Message && selects(turn), handle);

    /// <summary>
    /// A message route whose selector reads something (whether the sender is enrolled), asked only
    /// when <paramref name="when"/>, a quick look at the message that another route makes too, says yes.
    /// </summary>
    public RouteTable OnMessage(string name, Func<TurnContext, bool> when, RouteSelector selects, RouteHandler handle) =>
        OnMessage(name, (turn, cancellationToken) => when(turn) ? selects(turn, cancellationToken) : ValueTask.FromResult(false), handle);

    /// <summary>
    /// Routes that never take a turn while a survey is in progress, where every message is an answer:
    /// their selectors are not even asked then, so an answer runs none of their code.
    /// </summary>
    public RouteTable OutsideSurvey(Action<RouteTable> add)
    {
        var group = new RouteTable();
        add(group);
        _routes.AddRange(group._routes.Select(route => route with
        {
            Selects = (turn, cancellationToken) => turn.State.Phase == Phase.Survey ? ValueTask.FromResult(false) : route.Selects(turn, cancellationToken),
        }));
        return this;
    }

    /// <summary>A message route whose selector has to read something first (whether the sender is enrolled).</summary>
    public RouteTable OnMessage(string name, RouteSelector selects, RouteHandler handle) =>
        OnActivity(name, ActivityTypes.Message, selects, handle);

    /// <summary>A route for one activity type whose selector has to read something first.</summary>
    public RouteTable OnActivity(string name, string activityType, RouteSelector selects, RouteHandler handle)
    {
        _routes.Add(new TurnRoute(name, (turn, cancellationToken) =>
            turn.Activity.Type == activityType ? selects(turn, cancellationToken) : ValueTask.FromResult(false), handle));
        return this;
    }

    private RouteTable Add(string name, Func<TurnContext, bool> selects, RouteHandler handle)
    {
        _routes.Add(new TurnRoute(name, (turn, _) => ValueTask.FromResult(selects(turn)), handle));
        return this;
    }
}
