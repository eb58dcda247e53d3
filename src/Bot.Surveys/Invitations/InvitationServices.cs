namespace Bot.Surveys.Invitations;

public static class InvitationServices
{
    /// <summary>Per-case and per-cadre invitations: codes, their store, and the open page's stamps.</summary>
    public static IServiceCollection AddSurveyInvitations(this IServiceCollection services)
    {
        services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.Section)
            .Validate(o => o.IntegrationKey.Length is 0 or >= 16, "Invitations:IntegrationKey, when set, must have at least 16 characters.")
            .ValidateOnStart();
        services.AddSingleton<InvitationCodes>();
        services.AddSingleton<InvitationStore>();
        services.AddSingleton<PageStamps>();
        services.AddSingleton<InvitationRequestValidator>();
        services.AddSingleton<InvitationIssuer>();
        return services;
    }
}
