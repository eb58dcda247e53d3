using Microsoft.AspNetCore.Diagnostics;
using ScoringCore.Api;
using StackExchange.Redis;

namespace ScoringCore.Hosting;

public static class ScoringCorePipeline
{
    /// <summary>Unhandled failures answer as problem+json in Vietnamese: a body that could not be read with its own status (400, 408, 413), 503 when Redis is unreachable, 500 otherwise.</summary>
    public static WebApplication UseScoringCoreErrors(this WebApplication app)
    {
        app.UseExceptionHandler(errors => errors.Run(async context =>
        {
            var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var storeDown = failure is RedisException or TimeoutException;
            var problems = context.RequestServices.GetRequiredService<ApiProblems>();
            var error = failure is BadHttpRequestException unreadable
                // A body that could not be read (a broken chunk, cut off, too slow) is the sender's fault, never a 500.
                // Too slow (408) and too large (413) as Kestrel said; any other body it could not read is a 400.
                ? problems.Error(unreadable.StatusCode is 408 or 413 ? unreadable.StatusCode : 400, "", unreadable.StatusCode == 413 ? "error.tooLarge" : "error.unreadableBody")
                : problems.Error(storeDown ? 503 : 500, "", storeDown ? "error.storeUnavailable" : "error.internal");
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
