using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TestSupport;

/// <summary>
/// The Redis the tests run against: the one the test command started (TEST_REDIS), or, when a
/// developer runs `dotnet test` alone, a throwaway redis-server on a free port started here.
/// Tests isolate themselves by key prefix, never by FLUSHDB.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly Process? _ownServer;

    public RedisServer()
    {
        var configured = Environment.GetEnvironmentVariable("TEST_REDIS");
        if (!string.IsNullOrEmpty(configured))
        {
            ConnectionString = configured;
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

    public string ConnectionString { get; }

    public void Dispose()
    {
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
