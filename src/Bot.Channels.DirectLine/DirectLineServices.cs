using System.Threading.RateLimiting;
using Bot.Dialogs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Bot.Channels.DirectLine;

public static class DirectLineServices
{
    public const string CorsPolicy = "directline";
    public const string AddressPolicy = "per-address";

    /// <summary>The Direct Line host: options (a missing secret stops the boot), tokens, transcripts, turns, CORS, rate limits.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section)
            .Validate(o => o.Secret.Length >= 32, "Configure DirectLine:Secret (at least 32 characters) from environment or user secrets.")
            .Validate(o => o.TokenLifetime > TimeSpan.FromMinutes(15), "DirectLine:TokenLifetime must be longer than 15 minutes: Web Chat refreshes its token every 15 minutes.")
            .Validate(o => o.StreamCatchUpInterval > TimeSpan.Zero, "DirectLine:StreamCatchUpInterval must be positive.")
            .Validate(o => o.PostsPerMinutePerConversation > 0 && o.RequestsPerMinutePerAddress > 0, "DirectLine rate limits must be positive.")
            .ValidateOnStart();
        services.AddDirectLineAuthentication();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineStore>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineSockets>();
        services.AddSingleton<DirectLineRateLimits>();
        services.AddSingleton<DirectLineTurns>();
        services.AddHostedService(provider => provider.GetRequiredService<DirectLineTurns>());

        var origins = configuration.GetSection($"{DirectLineOptions.Section}:{nameof(DirectLineOptions.AllowedOrigins)}").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST")
            // DirectLineJS sends x-ms-bot-agent, and its ajax (RxJS) x-requested-with.
            .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent", "x-requested-with")));
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(AddressPolicy, context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.RequestsPerMinutePerAddress;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "-", _ => DirectLineRateLimits.PerMinute(limit));
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "60";
                var texts = http.RequestServices.GetRequiredService<BotTexts>();
                await DirectLineProblems.TooMany(texts["busy"]).ExecuteAsync(http);
            };
        });
        return services;
    }

    /// <summary>The secret, tokens and stream tickets as two authentication schemes, and what each endpoint accepts as policies.</summary>
    private static IServiceCollection AddDirectLineAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<DirectLineAuthenticationOptions, DirectLineAuthenticationHandler>(DirectLineAuthenticationHandler.SchemeName, null)
            .AddScheme<DirectLineAuthenticationOptions, DirectLineAuthenticationHandler>(DirectLineAuthenticationHandler.StreamSchemeName, o => o.FromStreamTicket = true);
        services.AddAuthorizationBuilder()
            .AddPolicy(DirectLineCaller.Policy, Api().Build())
            .AddPolicy(DirectLineCaller.SecretPolicy, Api().RequireClaim(DirectLineCaller.SecretClaim).Build())
            .AddPolicy(DirectLineCaller.TokenPolicy, Api().RequireClaim(DirectLineCaller.ConversationClaim).Build())
            .AddPolicy(DirectLineCaller.StreamPolicy, new AuthorizationPolicyBuilder(DirectLineAuthenticationHandler.StreamSchemeName).RequireClaim(DirectLineCaller.ConversationClaim).Build());
        return services;
    }

    private static AuthorizationPolicyBuilder Api() => new AuthorizationPolicyBuilder(DirectLineAuthenticationHandler.SchemeName).RequireAuthenticatedUser();
}
