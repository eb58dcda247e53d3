using Bot.Staff;
using Bot.Staff.Assessments;
using Bot.Staff.Charts;
using Bot.Staff.Dialogs;
using Bot.Staff.Enrolment;
using Bot.Staff.Exports;
using Bot.Staff.People;
using Bot.Staff.Reminders;
using Bot.Staff.Results;
using Bot.Staff.Summaries;
using Bot.Staff.Surveys;
using Scoring.Rules;

namespace Bot.Hosting;

public static class StaffServices
{
    /// <summary>Enrolment, the staff and officials' dialogs and summaries, exports and reminders.</summary>
    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddOptions<EnrolmentOptions>().BindConfiguration(EnrolmentOptions.Section);
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section);
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section);
        services.AddSingleton<StaffTexts>();
        services.AddSingleton<EnrolmentStore>();
        services.AddSingleton<EnrolmentCommands>();
        services.AddSingleton(provider => new RubricWalk(provider.GetRequiredService<ScoringRules>().Scheme.Rubric, provider.GetRequiredService<StaffTexts>()));
        services.AddSingleton<ScoreProjection>();
        services.AddSingleton<SelfScoringDrafts>();
        services.AddSingleton<SelfScoringReview>();
        services.AddSingleton<SelfScoringDialog>();
        services.AddSingleton<AppraisalWrites>();
        services.AddSingleton<AppraisalDialog>();
        services.AddSingleton<DisqualificationDialog>();
        services.AddSingleton<SummaryViews>();
        services.AddSingleton<SummaryCommands>();
        services.AddSingleton<ExportLinks>();
        services.AddSingleton<ScorecardExport>();
        services.AddSingleton<ChartFiguresBuilder>();
        services.AddSingleton<ChartImages>();
        services.AddSingleton<DeskInvitations>();
        services.AddSingleton<CadreInvitationDialog>();
        services.AddSingleton<CadreRoster>();
        services.AddSingleton<SurveyRoundCommands>();
        services.AddSingleton<PaperFormDialog>();
        services.AddSingleton<HeldFormCommands>();
        services.AddSingleton<CaseAudit>();
        services.AddSingleton<FormComments>();
        services.AddSingleton<SurveyStaffCommands>();
        services.AddSingleton<RecognitionCommands>();
        services.AddSingleton<StaffDialog>(provider => provider.GetRequiredService<SelfScoringDialog>());
        services.AddSingleton<StaffDialog>(provider => provider.GetRequiredService<AppraisalDialog>());
        services.AddSingleton<StaffDialog>(provider => provider.GetRequiredService<DisqualificationDialog>());
        services.AddSingleton<StaffDialog>(provider => provider.GetRequiredService<PaperFormDialog>());
        services.AddSingleton<StaffDialog>(provider => provider.GetRequiredService<CadreInvitationDialog>());
        services.AddSingleton<StaffDialogSet>();
        services.AddSingleton<ReminderAddresses>();
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<ReminderWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<ReminderWorker>());
        return services;
    }
}
