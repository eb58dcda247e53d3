using Bot.Channels.BotFramework;
using Bot.Channels.DirectLine;
using Bot.Channels.WebPage;
using Bot.Channels.Zalo;
using Bot.Configuration;
using Bot.CoreClient;
using Bot.Dialogs;
using Bot.Dialogs.Steps;
using Bot.ApiKeys;
using Bot.Outbox;
using Bot.State;
using Bot.Surveys;
using Bot.Surveys.Invitations;
using Bot.Surveys.Routing;
using Bot.Units;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ServiceDefaults;

namespace Bot.Hosting;

public static class BotServices
{
    /// <summary>Options, the dialogs (loaded and checked now, so a broken file stops the boot), Redis, the turn pipeline, the outbox.</summary>
    public static WebApplicationBuilder AddBotServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .Validate(o => o.Concurrency >= 1, "Bot:OutboxConcurrency must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<ScoringCoreOptions>().BindConfiguration(ScoringCoreOptions.Section)
            .Validate(o => o.BaseUrl is { IsAbsoluteUri: true }, "Configure ScoringCore:BaseUrl, the scoring core's address.")
            .Validate(o => o.ApiKey.Length >= 16, "Configure ScoringCore:ApiKey (at least 16 characters) from environment or user secrets.")
            .Validate(o => o.TimeoutSeconds is >= 1 and <= 100, "ScoringCore:TimeoutSeconds must be between 1 and 100.")
            .Validate(o => o.ReadsAtOnce is >= 1 and <= 64, "ScoringCore:ReadsAtOnce must be between 1 and 64.")
            .ValidateOnStart();

        var scheme = services.AddSchemeRules(builder.Configuration["Bot:DialogsDirectory"]);
        services.AddSingleton(new BotTexts(scheme.Texts));

        services.AddStepHandlers();
        services.AddSingleton<SurveyEngine>();
        services.AddSingleton<SurveyStarts>();
        services.AddSingleton<ClosedYears>();
        services.AddStaff();
        services.AddScoringAssistant(builder.Configuration["Bot:DialogsDirectory"]);
        services.AddTurnPipeline();
        services.AddBotFramework();
        services.AddZalo();
        services.AddDirectLine(builder.Configuration);
        services.AddOptions<SurveyLinkOptions>().BindConfiguration(SurveyLinkOptions.Section)
            .Validate(o => o.LinkKey.Length >= 32, "Configure SurveyLinks:LinkKey (at least 32 characters, kept for the year: it signs the printed QR codes).")
            .Validate(o => o.AdminKey.Length >= 16, "Configure SurveyLinks:AdminKey (at least 16 characters) from environment or user secrets.")
            .ValidateOnStart();
        services.AddSingleton<SurveyLinks>();
        services.AddSurveyInvitations();
        services.AddSingleton<WebPageAssets>();
        services.AddSingleton<PublicOrigin>();

        services.AddRedisMultiplexer(builder.Configuration);
        services.AddDefaultTelemetry(builder.Configuration, "bot", [OutboxWorker.ActivitySourceName], [OutboxMetrics.MeterName, Assistant.AssistantMetrics.MeterName]);
        services.AddSingleton(provider => new BotKeys(provider.GetRequiredService<IOptions<BotOptions>>().Value.KeyPrefix));
        services.AddKeyLayoutMigration<BotKeyMigration>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<ICompletionRegistry, RedisCompletionRegistry>();

        services.AddHttpClient<ScoringCoreClient>((provider, http) =>
        {
            ToTheScoringCore(provider, http);
            http.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<ScoringCoreOptions>>().Value.TimeoutSeconds);
        });
        services.AddHttpClient<OutboxDeliveryClient>(ToTheScoringCore).AddOutboxResilience();
        services.AddSingleton<ScoringCoreUnitDirectory>();
        services.AddSingleton<ICommuneDirectory>(provider => provider.GetRequiredService<ScoringCoreUnitDirectory>());
        services.AddSingleton<IUnitDirectory>(provider => provider.GetRequiredService<ScoringCoreUnitDirectory>());
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxWorker>());
        services.AddServerErrors();
        services.AddApiKeyAuthentication();
        return builder;
    }

    private static void ToTheScoringCore(IServiceProvider provider, HttpClient http)
    {
        var core = provider.GetRequiredService<IOptions<ScoringCoreOptions>>().Value;
        http.BaseAddress = core.BaseUrl;
        http.DefaultRequestHeaders.Add("X-Api-Key", core.ApiKey);
    }

    /// <summary>
    /// The standard resilience handler on the outbox's deliveries only (docs/decisions/019): a form
    /// that did not reach the core is tried again 4 times, from Bot:OutboxRetryDelay doubling with
    /// jitter, 10 s an attempt; then it goes back to its queue. The breaker opens on this client alone.
    /// </summary>
    private static void AddOutboxResilience(this IHttpClientBuilder client) =>
        client.AddStandardResilienceHandler().Configure((resilience, provider) =>
        {
            var outbox = provider.GetRequiredService<IOptions<OutboxOptions>>().Value;
            resilience.Retry.MaxRetryAttempts = OutboxOptions.Retries;
            resilience.Retry.Delay = outbox.RetryDelay;
            resilience.Retry.BackoffType = DelayBackoffType.Exponential;
            resilience.Retry.UseJitter = true;
            resilience.AttemptTimeout.Timeout = OutboxOptions.AttemptTimeout;
            resilience.TotalRequestTimeout.Timeout = OutboxOptions.AttemptTimeout * (OutboxOptions.Retries + 2);
            resilience.CircuitBreaker.SamplingDuration = OutboxOptions.AttemptTimeout * 3;
        });

    private static void AddStepHandlers(this IServiceCollection services)
    {
        services.AddSingleton<IStepHandler, MessageStep>();
        services.AddSingleton<IStepHandler, ConsentStep>();
        services.AddSingleton<IStepHandler, ChoiceStep>();
        services.AddSingleton<IStepHandler, TextStep>();
        services.AddSingleton<IStepHandler, SummaryStep>();
        services.AddSingleton<IStepHandler, SubmitStep>();
    }
}
