using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Channels.DirectLine;

/// <summary>The API's refusals as problem+json. Protocol errors are for developers; what a person may read comes from the dialog texts.</summary>
public static class DirectLineProblems
{
    public static ProblemHttpResult Unauthorized() => Problem(StatusCodes.Status401Unauthorized, "Missing credentials", "Send Authorization: Bearer <secret or token>.");

    public static ProblemHttpResult Forbidden() => Problem(StatusCodes.Status403Forbidden, "Invalid or expired token", "The secret or token is wrong, expired, or for another conversation.");

    public static ProblemHttpResult NotFound() => Problem(StatusCodes.Status404NotFound, "Unknown conversation", "The conversation does not exist or has expired.");

    public static ProblemHttpResult BadWatermark() => BadRequest("The watermark must be a whole number.");

    public static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static ProblemHttpResult TooMany(string detail) => Problem(StatusCodes.Status429TooManyRequests, "Too many requests", detail);

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
