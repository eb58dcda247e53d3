using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Loading;
using Scoring.Rules;
using Scoring.Scheme;
using StackExchange.Redis;

namespace ServiceDefaults;

public static class SharedServices
{
    /// <summary>
    /// Loads and checks dialogs/ now, so a broken file stops the boot, and registers the scheme,
    /// its rules and the clock. Returns the scheme for checks the service adds of its own.
    /// </summary>
    public static SchemeDefinition AddSchemeRules(this IServiceCollection services, string? dialogsDirectory)
    {
        var scheme = SchemeLoader.Load(dialogsDirectory);
        services.AddSingleton(scheme);
        services.AddSingleton(new ScoringRules(scheme));
        services.AddSingleton(TimeProvider.System);
        return scheme;
    }

    /// <summary>One multiplexer for the process (and the readiness check that pings it), connecting in the background so the service starts (and reports unhealthy) while Redis is down.</summary>
    public static IServiceCollection AddRedisMultiplexer(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Redis is not set. The run command starts a local store and sets it; see README.");
        }
        services.AddDefaultHealthChecks();
        return services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var redisOptions = ConfigurationOptions.Parse(connectionString);
            redisOptions.AbortOnConnectFail = false;
            var multiplexer = ConnectionMultiplexer.Connect(redisOptions);
            // 1.2.6 completes every async call and pub/sub message in order on one worker by default;
            // nothing here needs that order (Direct Line's sockets order by sequence number themselves).
            multiplexer.PreserveAsyncOrder = false;
            return multiplexer;
        });
    }
}
