using Microsoft.AspNetCore.Diagnostics;
using ScoringCore.Api;
using ServiceDefaults;

namespace ScoringCore.Hosting;

public static class ScoringCorePipeline
{
    /// <summary>Unhandled failures answer as problem+json in Vietnamese: a body that could not be read with its own status (400, 408, 413), 503 when Redis is unreachable, 500 otherwise.</summary>
    public static WebApplication UseScoringCoreErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errors => errors.Run(async context =>
        {
            var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var status = FailureStatus.Of(failure);
            var key = status switch
            {
                // A body that could not be read (a broken chunk, cut off, too slow) is the sender's fault, never a 500.
                StatusCodes.Status413PayloadTooLarge => "error.tooLarge",
                StatusCodes.Status503ServiceUnavailable => "error.storeUnavailable",
                StatusCodes.Status500InternalServerError => "error.internal",
                _ => "error.unreadableBody",
            };
            var problems = context.RequestServices.GetRequiredService<ApiProblems>();
            var error = problems.Error(status, "", key);
            await problems.ToResult(error).ExecuteAsync(context);
        }));
        // Errors raised before an endpoint runs (no such route, wrong method, body too large) get a problem body too.
        app.UseStatusCodePages(async context =>
        {
            var key = context.HttpContext.Response.StatusCode switch
            {
                404 => "error.noSuchEndpoint",
                405 => "error.methodNotAllowed",
                413 => "error.tooLarge",
                _ => null,
            };
            if (key is not null)
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<ApiProblems>();
                await problems.ToResult(problems.Error(context.HttpContext.Response.StatusCode, "", key)).ExecuteAsync(context.HttpContext);
            }
        });
        return app;
    }

    /// <summary>The /api/v1 group; every endpoint in it needs X-Api-Key.</summary>
    public static RouteGroupBuilder MapApiV1(this WebApplication app) =>
        app.MapGroup("/api/v1").AddEndpointFilter<ApiKeyFilter>();
}
