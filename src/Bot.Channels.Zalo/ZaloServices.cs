using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Bot.Channels.Zalo;

public static class ZaloServices
{
    /// <summary>The Zalo OA channel: options (checked at start when the channel is on), inbox, tokens, client, turn runner.</summary>
    public static IServiceCollection AddZalo(this IServiceCollection services)
    {
        services.AddOptions<ZaloOptions>().BindConfiguration(ZaloOptions.Section)
            .Validate(o => !o.Enabled || o.OaSecretKey.Length > 0, "Configure Zalo:OaSecretKey (it signs webhook events) from environment or user secrets.")
            .Validate(o => !o.Enabled || o.AppSecret.Length > 0, "Configure Zalo:AppSecret (it refreshes the OA token) from environment or user secrets.")
            .ValidateOnStart();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ZaloSignatureAuthenticationHandler>(ZaloSignatureAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ZaloSignatureAuthenticationHandler.Policy,
            new AuthorizationPolicyBuilder(ZaloSignatureAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());
        services.AddHttpClient(ZaloClient.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<ZaloInbox>();
        services.AddSingleton<ZaloTokens>();
        services.AddSingleton<ZaloClient>();
        services.AddSingleton<ZaloSender>();
        services.AddSingleton<IChannelSender>(provider => provider.GetRequiredService<ZaloSender>());
        services.AddSingleton<ZaloTurns>();
        services.AddHostedService(provider => provider.GetRequiredService<ZaloTurns>());
        return services;
    }
}
