using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TestSupport;

/// <summary>
/// The Redis the tests run against: the one the test command started (TEST_REDIS); with
/// TEST_STORE=cluster, a 3-primary, 3-replica cluster started here; or, when a developer runs
/// `dotnet test` alone, a throwaway redis-server on a free port started here.
/// Tests isolate themselves by key prefix, never by FLUSHDB.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process? _ownServer;
    private readonly RedisCluster? _ownCluster;

    public RedisServer()
    {
        var configured = Environment.GetEnvironmentVariable("TEST_REDIS");
        if (!string.IsNullOrEmpty(configured))
        {
            ConnectionString = configured;
            return;
        }
        if (Environment.GetEnvironmentVariable("TEST_STORE") == "cluster")
        {
            _ownCluster = new RedisCluster();
            ConnectionString = _ownCluster.ConnectionString;
            return;
        }
        var port = FreePort();
        _ownServer = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start; install it or set TEST_REDIS.");
        ConnectionString = $"127.0.0.1:{port}";
        WaitUntilListening(port);
    }

    private RedisServer(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    /// <summary>A Redis (a node or a cluster) a test started itself, e.g. to kill it.</summary>
    public static RedisServer At(string connectionString) => new(connectionString);

    public void Dispose()
    {
        _ownCluster?.Dispose();
        if (_ownServer is { HasExited: false })
        {
            _ownServer.Kill();
            _ownServer.WaitForExit();
        }
        _ownServer?.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitUntilListening(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new TimeoutException($"redis-server did not listen on port {port} within 10 s.");
    }
}
