using Microsoft.Extensions.Options;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Services;
using ScoringCore.Storage;
using ScoringCore.Validation;
using ServiceDefaults;

namespace ScoringCore.Hosting;

public static class ScoringCoreServices
{
    /// <summary>Options, the scheme (loaded and checked now, so a broken dialogs/ stops the boot), Redis, stores and validators.</summary>
    public static WebApplicationBuilder AddScoringCore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ScoringCoreOptions>()
            .BindConfiguration(ScoringCoreOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => options.HasUsableApiKeys(),
                $"Configure ScoringCore:ApiKeys (e.g. ScoringCore__ApiKeys__0) with keys of at least {ScoringCoreOptions.MinApiKeyLength} characters.")
            .ValidateOnStart();

        var scheme = services.AddSchemeRules(builder.Configuration[$"{ScoringCoreOptions.Section}:{nameof(ScoringCoreOptions.DialogsDirectory)}"]);
        var missingTexts = ApiProblems.RequiredTexts.Where(key => !scheme.Texts.Contains(key)).ToList();
        if (missingTexts.Count > 0)
        {
            throw new InvalidOperationException("dialogs/text lacks these texts: " + string.Join(", ", missingTexts));
        }
        services.AddSingleton(scheme.Texts);

        services.AddRedisMultiplexer(builder.Configuration);
        services.AddDefaultTelemetry(builder.Configuration, "scoring-core", [], []);
        services.AddSingleton(provider => new RedisKeys(provider.GetRequiredService<IOptions<ScoringCoreOptions>>().Value.KeyPrefix));
        services.AddKeyLayoutMigration<CoreKeyMigration>();
        services.AddSingleton<UnitStore>();
        services.AddSingleton<SurveyResponseStore>();
        services.AddSingleton<SurveyFormStore>();
        services.AddSingleton<FormCommentStore>();
        services.AddSingleton<SoftwareCaseStore>();
        services.AddSingleton<SurveyRoundStore>();
        services.AddSingleton<AssessmentStore>();
        services.AddSingleton<ResultHistoryStore>();
        services.AddSingleton<ResultDecisionStore>();

        services.AddSingleton<ApiProblems>();
        services.AddSingleton<PlaceChecks>();
        services.AddSingleton<UnitsValidator>();
        services.AddSingleton<SurveyResponseValidator>();
        services.AddSingleton<HeldFormDecisionValidator>();
        services.AddSingleton<SurveyRoundValidator>();
        services.AddSingleton<PaperFormsReader>();
        services.AddSingleton<SurveyProgressQuery>();
        services.AddSingleton<ItemScoresValidator>();
        services.AddSingleton<AssessmentService>();
        services.AddSingleton<ScoreQueries>();
        services.AddSingleton<ResultDecisionValidator>();
        services.AddSingleton<ResultDecisionService>();
        services.AddSingleton<ApiKeyFilter>();
        services.AddHostedService<SampleUnitsImporter>();

        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ScoringCoreJsonContext.Default));
        services.AddProblemDetails();
        return builder;
    }
}
