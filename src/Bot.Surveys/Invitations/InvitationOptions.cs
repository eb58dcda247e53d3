namespace Bot.Surveys.Invitations;

/// <summary>Configuration section "Invitations".</summary>
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>
    /// The X-Api-Key a province's one-stop software presents to POST /api/v1/survey-invitations.
    /// Empty: SurveyLinks:AdminKey serves. A secret, from environment or user secrets.
    /// </summary>
    public string IntegrationKey { get; set; } = "";

    /// <summary>How long a cadre's invitation lasts from registration (default: 60 days, the survey through the appraisal).</summary>
    public TimeSpan CadreLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>Overrides the scheme's invitationDaysAfterVisit for citizens (default: the scheme file's).</summary>
    public TimeSpan? CitizenLifetime { get; set; }
}
