using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceDefaults;
using StackExchange.Redis;

namespace Bot.Tests;

/// <summary>The multiplexer both services share speaks RESP2 unless the connection string asks for RESP3 (decision 002: measured faster here).</summary>
[Collection(RedisTests.Name)]
public sealed class RedisProtocolTests(RedisServer redis)
{
    [Fact]
    public async Task AConnectionStringWithoutProtocol_SpeaksResp2() =>
        Assert.Equal(RedisProtocol.Resp2, await ProtocolSpokenAsync(redis.ConnectionString));

    [Fact]
    public async Task AConnectionStringAskingForResp3_SpeaksResp3() =>
        Assert.Equal(RedisProtocol.Resp3, await ProtocolSpokenAsync(redis.ConnectionString + ",protocol=resp3"));

    private static async Task<RedisProtocol?> ProtocolSpokenAsync(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = connectionString }).Build();
        await using var services = new ServiceCollection().AddLogging().AddRedisMultiplexer(configuration).BuildServiceProvider();
        var multiplexer = services.GetRequiredService<IConnectionMultiplexer>();
        await multiplexer.GetDatabase().PingAsync();
        return multiplexer.GetServers().First(server => server.IsConnected).Protocol;
    }
}
