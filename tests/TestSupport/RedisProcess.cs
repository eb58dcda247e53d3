using System.Diagnostics;

namespace TestSupport;

/// <summary>A redis-server the tests start themselves: on loopback, its log drained, ready once it answers PING.</summary>
public static class RedisProcess
{
    public static Process Start(int port, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? "" };
        foreach (var argument in (string[])["--port", $"{port}", "--bind", "127.0.0.1", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }
        var server = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start; install it (apt install redis-server).");
        // Drain its log so a full pipe never blocks it.
        server.OutputDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        // Listening is not enough: while it loads an AOF, Redis answers LOADING.
        RedisCluster.WaitUntil(() => RedisCluster.RedisCli(["-p", $"{port}", "ping"]).Trim() == "PONG", TimeSpan.FromSeconds(10), $"redis-server on port {port}");
        return server;
    }
}
