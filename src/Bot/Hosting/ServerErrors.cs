using Bot.Dialogs;
using Microsoft.AspNetCore.Http;
using StackExchange.Redis;

namespace Bot.Hosting;

/// <summary>
/// What an unhandled failure answers, like the scoring core: problem+json in Vietnamese, 503 when
/// Redis did not answer (a failover: trying again shortly works), the request's own status when its
/// body could not be read (a broken chunk, a body cut off, too slow: the sender's fault, never a
/// 500), 500 otherwise. Officials open
/// export links and integrators read the API's answers; ASP.NET Core's default is an English title.
/// Problems the endpoints write themselves (the protocols' own refusals) are left as they are.
/// </summary>
public static class ServerErrors
{
    public static IServiceCollection AddServerErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = InVietnamese);
        services.AddExceptionHandler(options => options.StatusCodeSelector = failure => failure switch
        {
            BadHttpRequestException unreadable => StatusOf(unreadable),
            _ when StoreDown(failure) => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        });
        return services;
    }

    private static bool StoreDown(Exception failure) => failure is RedisException or TimeoutException;

    /// <summary>Too slow (408) and too large (413) as Kestrel said; any other body it could not read is a 400.</summary>
    private static int StatusOf(BadHttpRequestException unreadable) => unreadable.StatusCode is 408 or 413 ? unreadable.StatusCode : 400;

    private static void InVietnamese(ProblemDetailsContext context)
    {
        if (context.Exception is null)
        {
            return;
        }
        var texts = context.HttpContext.RequestServices.GetRequiredService<BotTexts>();
        if (context.Exception is BadHttpRequestException unreadable)
        {
            context.ProblemDetails.Title = texts[$"api.title.{StatusOf(unreadable)}"];
            context.ProblemDetails.Detail = texts[unreadable.StatusCode == 413 ? "api.body.tooLarge" : "api.error.unreadableBody"];
            return;
        }
        var storeDown = StoreDown(context.Exception);
        context.ProblemDetails.Title = texts[storeDown ? "api.title.503" : "api.title.500"];
        context.ProblemDetails.Detail = texts[storeDown ? "api.error.storeUnavailable" : "api.error.internal"];
    }
}
