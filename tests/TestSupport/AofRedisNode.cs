using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TestSupport;

/// <summary>
/// One redis-server that keeps an append-only file (appendfsync everysec) in a directory of its
/// own, so a test can kill it (SIGKILL) and start it again on the same port with its data.
/// </summary>
public sealed class AofRedisNode : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("redis-aof-").FullName;
    private readonly int _port = RedisServer.FreePort();
    private Process? _server;

    public AofRedisNode() => Start();

    public string ConnectionString => $"127.0.0.1:{_port}";

    public void Start()
    {
        var info = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--port", $"{_port}", "--bind", "127.0.0.1", "--dir", _directory, "--save", "", "--appendonly", "yes", "--appendfsync", "everysec" })
        {
            info.ArgumentList.Add(argument);
        }
        _server = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start; install it (apt install redis-server).");
        _server.OutputDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        RedisCluster.WaitUntil(Answers, TimeSpan.FromSeconds(10), $"redis-server on port {_port} to load its AOF");
    }

    /// <summary>SIGKILL: no shutdown, no final fsync; what Redis had written to the file stays with the OS.</summary>
    public void Kill()
    {
        _server?.Kill();
        _server?.WaitForExit();
        _server?.Dispose();
        _server = null;
    }

    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still being closed; the temporary directory goes with the machine's clean-up.
        }
    }

    // Listening is not enough: while it replays the AOF, Redis answers LOADING.
    private bool Answers()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, _port);
            return RedisCluster.RedisCli(["-p", $"{_port}", "ping"]).Trim() == "PONG";
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
