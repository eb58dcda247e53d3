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
        services.Configure<ReplicaOptions>(configuration.GetSection(ReplicaOptions.Section));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<ReplicatedWrites>(provider, (Func<ConfigurationOptions>)ConnectionOptions));
        return services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(ConnectionOptions()));

        ConfigurationOptions ConnectionOptions()
        {
            var redisOptions = ConfigurationOptions.Parse(connectionString);
            redisOptions.AbortOnConnectFail = false;
            // RESP2 unless the connection string asks for RESP3 (protocol=resp3): with this client
            // (3.4.35) RESP3 cost Direct Line about a fifth of its turns a second at steady state
            // (more CPU in the bot and in Redis for the same commands) and gave the connector path nothing.
            redisOptions.Protocol ??= RedisProtocol.Resp2;
            return redisOptions;
        }
    }
}
