namespace Bot.Turns;

/// <summary>Handles a turn a route owns.</summary>
public delegate Task RouteHandler(TurnContext turn, CancellationToken cancellationToken);

/// <summary>Whether a route owns a turn; may read (the sender's enrolment), never write.</summary>
public delegate ValueTask<bool> RouteSelector(TurnContext turn, CancellationToken cancellationToken);

/// <summary>One row of the <see cref="RouteTable"/>: a name for logs and tests, what it owns, and its handler.</summary>
public sealed record TurnRoute(string Name, RouteSelector Selects, RouteHandler Handle);
