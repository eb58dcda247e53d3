using Microsoft.AspNetCore.Authorization;

namespace Bot.ApiKeys;

/// <summary>What each API key may call, as authorization policies the endpoints require by name.</summary>
public static class ApiKeyRoles
{
    public const string Admin = "admin";
    public const string Integration = "integration";
    public const string AdminPolicy = "api-admin";
    public const string IntegrationPolicy = "api-integration";

    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddOptions<ApiKeyOptions>().Configure<IConfiguration>((keys, configuration) =>
        {
            keys.AdminKey = configuration["SurveyLinks:AdminKey"] ?? "";
            keys.IntegrationKey = configuration["Invitations:IntegrationKey"] ?? "";
        });
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, Policy(Admin))
            .AddPolicy(IntegrationPolicy, Policy(Integration));
        return services;
    }

    private static AuthorizationPolicy Policy(string role) =>
        new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireRole(role).Build();
}
