using Bot.Channels.BotFramework.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Client;

namespace Bot.Channels.BotFramework;

public static class BotFrameworkServices
{
    /// <summary>The Bot Connector channel: its options, inbound authentication (a scheme, a policy and the activity check), outbound tokens and the connector client.</summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services)
    {
        services.AddOptions<BotFrameworkOptions>()
            .BindConfiguration(BotFrameworkOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
            {
                // The identity keeps the names every Bot Framework bot's settings use.
                options.MicrosoftAppId = configuration["MicrosoftAppId"] ?? options.MicrosoftAppId;
                options.MicrosoftAppPassword = configuration["MicrosoftAppPassword"] ?? options.MicrosoftAppPassword;
                options.MicrosoftAppType = configuration["MicrosoftAppType"] ?? options.MicrosoftAppType;
                options.MicrosoftAppTenantId = configuration["MicrosoftAppTenantId"] ?? options.MicrosoftAppTenantId;
            })
            .Validate(o => !o.AuthenticationEnabled || o.MicrosoftAppPassword.Length > 0, "Configure MicrosoftAppPassword (from environment or user secrets) with MicrosoftAppId.")
            .Validate(o => !o.MicrosoftAppType.Equals("SingleTenant", StringComparison.OrdinalIgnoreCase) || o.MicrosoftAppTenantId.Length > 0,
                "A SingleTenant bot needs MicrosoftAppTenantId.")
            .ValidateOnStart();
        // A slow metadata endpoint must not hold a Teams request past its 15 s.
        services.AddHttpClient(SigningKeys.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton<SigningKeys>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, BotConnectorAuthenticationHandler>(BotConnectorAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(BotConnectorAuthenticationHandler.Policy,
            new AuthorizationPolicyBuilder(BotConnectorAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationHandler, BotConnectorActivityCheck>();
        services.AddHttpClient(MsalHttpClients.Name);
        services.AddSingleton<IMsalHttpClientFactory, MsalHttpClients>();
        services.AddSingleton<ConnectorTokens>();
        services.AddHttpClient(ConnectorClient.HttpClientName);
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<BotConnectorSender>();
        services.AddSingleton<IChannelSender>(provider => provider.GetRequiredService<BotConnectorSender>());
        services.AddSingleton<TeamsCards>();
        return services;
    }
}
