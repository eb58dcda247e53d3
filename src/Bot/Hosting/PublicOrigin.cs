using Bot.Surveys;
using Microsoft.Extensions.Options;

namespace Bot.Hosting;

/// <summary>
/// The address people reach this service at, for links and pictures sent in chat (which Teams
/// and Zalo can only open when absolute): SurveyLinks:PublicBaseUrl when set, else the scheme and
/// host of the channel requests it receives (behind a local proxy, from X-Forwarded-*).
/// </summary>
public sealed class PublicOrigin(IOptions<SurveyLinkOptions> options)
{
    private static readonly string[] ChannelPaths = ["/api/messages", "/api/zalo", "/v3/directline", "/s/"];

    private volatile string? _seen;

    /// <summary>Null only before any channel request has arrived (and with no PublicBaseUrl).</summary>
    public string? Current => options.Value.PublicBaseUrl?.ToString().TrimEnd('/') ?? _seen;

    /// <summary>A path ("/s/i/…") as an absolute address where one is known, else as it is.</summary>
    public string Absolute(string path) => $"{Current}{path}";

    public void Saw(HttpRequest request)
    {
        if (options.Value.PublicBaseUrl is null && request.Host.HasValue && ChannelPaths.Any(p => request.Path.StartsWithSegments(p.TrimEnd('/'), StringComparison.Ordinal)))
        {
            _seen = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }
}

public static class PublicOriginMiddleware
{
    /// <summary>Remembers where channel requests come in, after the forwarded headers are applied.</summary>
    public static WebApplication UsePublicOrigin(this WebApplication app)
    {
        var origin = app.Services.GetRequiredService<PublicOrigin>();
        app.Use((context, next) =>
        {
            origin.Saw(context.Request);
            return next(context);
        });
        return app;
    }
}
