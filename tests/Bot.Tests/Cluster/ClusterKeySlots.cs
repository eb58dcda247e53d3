using System.Diagnostics;
using StackExchange.Redis;

namespace Bot.Tests.Cluster;

/// <summary>
/// The slot Redis itself gives a key (CLUSTER KEYSLOT), from one redis-server started with
/// cluster support: the oracle the bot's own slot computation is checked against.
/// </summary>
public sealed class ClusterKeySlots : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("redis-keyslot-").FullName;
    private readonly Process _server;
    private readonly ConnectionMultiplexer _client;

    public ClusterKeySlots()
    {
        var port = RedisServer.FreePort();
        _server = RedisProcess.Start(port, ["--cluster-enabled", "yes", "--save", "", "--appendonly", "no", "--dir", _directory], _directory);
        _client = ConnectionMultiplexer.Connect($"127.0.0.1:{port},allowAdmin=true");
    }

    public int Of(RedisKey key) => (int)_client.GetServers()[0].Execute("CLUSTER", "KEYSLOT", key.ToString());

    public void Dispose()
    {
        _client.Dispose();
        _server.Kill();
        _server.WaitForExit();
        _server.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
