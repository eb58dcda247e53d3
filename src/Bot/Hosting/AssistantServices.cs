using Bot.Assistant;
using Bot.Assistant.Answering;
using Bot.Assistant.Answers;
using Bot.Assistant.Knowledge;
using Bot.Assistant.Model;
using Bot.Assistant.Questions;
using Scoring.Loading;
using Scoring.Rules;

namespace Bot.Hosting;

public static class AssistantServices
{
    /// <summary>The scoring assistant: the offline index (built as the host starts, so a broken source file stops the boot) and the optional model.</summary>
    public static IServiceCollection AddScoringAssistant(this IServiceCollection services, string? dialogsDirectory)
    {
        services.AddOptions<AzureOpenAIOptions>().BindConfiguration(AzureOpenAIOptions.Section)
            .Validate(o => o.Endpoint is null || o.Endpoint.IsAbsoluteUri, "AzureOpenAI:Endpoint must be an absolute URL such as https://<resource>.openai.azure.com/openai/v1/.")
            .Validate(o => o.TimeoutSeconds is > 0 and <= 60, "AzureOpenAI:TimeoutSeconds must be between 0 and 60.")
            .ValidateOnStart();
        services.AddHttpClient(ModelAssistant.HttpClientName);
        services.AddSingleton<AssistantTexts>();
        services.AddSingleton<AssistantMetrics>();
        services.AddSingleton(provider => new KnowledgeBase(
            provider.GetRequiredService<ScoringRules>(), provider.GetRequiredService<AssistantTexts>(), dialogsDirectory ?? SchemeLoader.DefaultDirectory));
        services.AddHostedService<KnowledgeStartup>();
        services.AddSingleton(provider => new QuestionReader(provider.GetRequiredService<ScoringRules>().Scheme.Rubric, provider.GetRequiredService<AssistantTexts>()));
        services.AddSingleton<QuestionDetector>();
        services.AddSingleton<RubricAnswers>();
        services.AddSingleton(provider => new LevelAnswers(provider.GetRequiredService<ScoringRules>(), provider.GetRequiredService<AssistantTexts>(), provider.GetRequiredService<KnowledgeBase>().GuideCitation));
        services.AddSingleton(provider => new CalendarAnswers(provider.GetRequiredService<ScoringRules>(), provider.GetRequiredService<AssistantTexts>(), provider.GetRequiredService<KnowledgeBase>().GuideCitation));
        services.AddSingleton<SurveyAnswers>();
        services.AddSingleton<ICommuneScorecards, CoreScorecards>();
        services.AddSingleton<CommuneGapAnswers>();
        services.AddSingleton<CommuneSurveyAnswers>();
        services.AddSingleton<IUnitRollups, CoreUnitRollups>();
        services.AddSingleton<UnitRollupAnswers>();
        services.AddSingleton<UnitRankingAnswers>();
        services.AddSingleton<SurveyProgressAnswers>();
        services.AddSingleton<RetrievedAnswers>();
        services.AddSingleton<OfflineAssistant>();
        services.AddSingleton<GroundedPrompt>();
        services.AddSingleton<AnswerGuard>();
        services.AddSingleton<ModelAssistant>();
        services.AddSingleton<ScoringAssistant>();
        return services;
    }
}
