using Bot.Staff;
using Bot.Staff.Routing;
using Bot.Staff.Surveys;
using Bot.Surveys.Routing;
using Bot.Turns;
using Bot.Turns.Middleware;

namespace Bot.Hosting;

public static class TurnServices
{
    /// <summary>
    /// The turn pipeline: its middleware in the order every turn passes through it, then the route
    /// table: a commune's staff typing one of its own cases' codes first, then the staff routes (they
    /// leave a survey in progress alone) and the citizens' after; an enrolled person's message that
    /// none of them took is greeted as staff, anyone else's with the citizens' welcome.
    /// </summary>
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services)
    {
        services.AddSingleton<ITurnMiddleware, GroupChats>();
        services.AddSingleton<ITurnMiddleware, LastActivity>();
        services.AddSingleton<ITurnMiddleware, ResumeWindow>();
        services.AddSingleton<ITurnMiddleware, MessageText>();

        services.AddSingleton<TurnSenders>();
        services.AddSingleton<OwnCaseInvitations>();
        services.AddSingleton<StaffRoutes>();
        services.AddSingleton<SurveyRoutes>();
        services.AddSingleton(provider =>
        {
            var routes = new RouteTable();
            provider.GetRequiredService<OwnCaseInvitations>().AddTo(routes);
            provider.GetRequiredService<StaffRoutes>().AddTo(routes);
            provider.GetRequiredService<SurveyRoutes>().AddTo(routes);
            provider.GetRequiredService<StaffRoutes>().AddGreetingTo(routes);
            provider.GetRequiredService<SurveyRoutes>().AddWelcomeTo(routes);
            return routes;
        });
        services.AddSingleton<ITurnHandler, TurnRouter>();
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<TurnPipeline>();
        return services;
    }
}
