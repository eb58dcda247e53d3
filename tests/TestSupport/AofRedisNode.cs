using System.Diagnostics;

namespace TestSupport;

/// <summary>
/// One redis-server that keeps an append-only file in a directory of its own, so a test can kill
/// it (SIGKILL) and start it again on the same port with its data. It fsyncs every write before
/// replying (appendfsync always), the setting under which nothing acknowledged is lost: with
/// Redis's default everysec, a background fsync still running makes Redis postpone the write
/// itself for up to 2 s while it goes on replying, and a kill then takes those writes with it
/// (seen in a CI run: 3 of 30 forms lost, one of them already thanked).
/// </summary>
public sealed class AofRedisNode : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("redis-aof-").FullName;
    private readonly int _port = RedisServer.FreePort();
    private Process? _server;

    public AofRedisNode() => Start();

    public string ConnectionString => $"127.0.0.1:{_port}";

    public void Start() => _server = RedisProcess.Start(_port, ["--dir", _directory, "--save", "", "--appendonly", "yes", "--appendfsync", "always"]);

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
