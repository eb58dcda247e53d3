using System.Diagnostics;

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

    public void Start() => _server = RedisProcess.Start(_port, ["--dir", _directory, "--save", "", "--appendonly", "yes", "--appendfsync", "everysec"]);

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
}
