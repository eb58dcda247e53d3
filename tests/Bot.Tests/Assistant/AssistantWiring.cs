using Bot.Hosting;
using Bot.Assistant.Answers;
using Bot.Assistant.Model;
using Bot.Dialogs;
using Bot.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Rules;
using Scoring.Scheme;

namespace Bot.Tests.Assistant;

/// <summary>
/// The assistant wired as the service wires it, without the web host: for the tests and the
/// benchmark (which links this file), with the scorecards and the model endpoint given.
/// </summary>
public static class AssistantWiring
{
    public static ServiceProvider Build(SchemeDefinition scheme, ICommuneScorecards scorecards, Action<AzureOpenAIOptions>? model = null, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton(new ScoringRules(scheme));
        services.AddSingleton(new BotTexts(scheme.Texts));
        services.AddSingleton<StaffTexts>();
        services.AddScoringAssistant(null);
        services.Configure<AzureOpenAIOptions>(o => model?.Invoke(o));
        services.AddSingleton(scorecards);
        // The rollups' scoring core is not running here: an official's rollup question is told it is unavailable.
        services.AddSingleton(new Bot.CoreClient.ScoringCoreClient(new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") }));
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
