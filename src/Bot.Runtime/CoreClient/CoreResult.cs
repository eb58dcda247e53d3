namespace Bot.CoreClient;

/// <summary>What a call to the scoring core came to: a value, a refusal the core explained (and the field it named), or no answer.</summary>
public sealed record CoreResult<T>(T? Value, CoreOutcome Outcome, int Status = 200, string Detail = "", string Field = "")
{
    public bool Ok => Outcome == CoreOutcome.Ok;
}

public static class CoreResult
{
    public static CoreResult<T> Success<T>(T value) => new(value, CoreOutcome.Ok);

    public static CoreResult<T> Unavailable<T>() => new(default, CoreOutcome.Unavailable, 503);
}

public enum CoreOutcome
{
    Ok,

    /// <summary>The core read the request and said no (4xx), with a reason meant for people.</summary>
    Refused,

    /// <summary>The core did not answer, or failed (5xx): try again later.</summary>
    Unavailable,
}
