using Bot.Dialogs;
using Microsoft.AspNetCore.Http;
using ServiceDefaults;

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
        services.AddExceptionHandler(options => options.StatusCodeSelector = FailureStatus.Of);
        return services;
    }

    private static void InVietnamese(ProblemDetailsContext context)
    {
        if (context.Exception is null)
        {
            return;
        }
        var texts = context.HttpContext.RequestServices.GetRequiredService<BotTexts>();
        var status = FailureStatus.Of(context.Exception);
        if (context.Exception is BadHttpRequestException)
        {
            context.ProblemDetails.Title = texts[$"api.title.{status}"];
            context.ProblemDetails.Detail = texts[status == StatusCodes.Status413PayloadTooLarge ? "api.body.tooLarge" : "api.error.unreadableBody"];
            return;
        }
        var storeDown = status == StatusCodes.Status503ServiceUnavailable;
        context.ProblemDetails.Title = texts[storeDown ? "api.title.503" : "api.title.500"];
        context.ProblemDetails.Detail = texts[storeDown ? "api.error.storeUnavailable" : "api.error.internal"];
    }
}
