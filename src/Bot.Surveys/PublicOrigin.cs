using Microsoft.Extensions.Options;

namespace Bot.Surveys;

/// <summary>
/// The address people reach this service at, for links and pictures sent in chat (which Teams
/// and Zalo can only open when absolute): SurveyLinks:PublicBaseUrl when set (what production
/// should do), else the scheme and host of the last channel request that passed authentication:
/// a Bot Connector activity or a signed Zalo event, answered below 400. Anonymous requests (the
/// survey page, Direct Line) never teach it, so a forged Host header cannot poison links sent to staff.
/// </summary>
public sealed class PublicOrigin(IOptions<SurveyLinkOptions> options)
{
    private static readonly string[] AuthenticatedChannelPaths = ["/api/messages", "/api/zalo"];

    private volatile string? _seen;

    /// <summary>Null only before any authenticated channel request has arrived (and with no PublicBaseUrl).</summary>
    public string? Current => options.Value.PublicBaseUrl?.ToString().TrimEnd('/') ?? _seen;

    /// <summary>Remembers the request's address if it was an authenticated channel request that succeeded.</summary>
    public void Saw(HttpContext context)
    {
        var request = context.Request;
        if (options.Value.PublicBaseUrl is null && context.Response.StatusCode < 400 && request.Host.HasValue
            && AuthenticatedChannelPaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.Ordinal)))
        {
            _seen = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }
}

public static class PublicOriginMiddleware
{
    /// <summary>Learns where authenticated channel requests come in, after the forwarded headers are applied and the request is answered.</summary>
    public static WebApplication UsePublicOrigin(this WebApplication app)
    {
        var origin = app.Services.GetRequiredService<PublicOrigin>();
        app.Use(async (context, next) =>
        {
            await next(context);
            origin.Saw(context);
        });
        return app;
    }
}
