using Bot.Surveys;
using Microsoft.AspNetCore.HttpOverrides;

namespace Bot.Hosting;

public static class WebChannelsPipeline
{
    /// <summary>
    /// Middleware the web channels need: the client's real address and scheme from a local
    /// reverse proxy (for rate limits and wss:// stream URLs), the public origin survey links are
    /// made on, WebSockets, CORS, rate limiting.
    /// </summary>
    public static WebApplication UseWebChannels(this WebApplication app)
    {
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost });
        app.UsePublicOrigin();
        app.UseWebSockets();
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }
}
