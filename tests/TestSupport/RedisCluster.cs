using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TestSupport;

/// <summary>
/// A real Redis Cluster on loopback: three primaries, each with one replica, made of Debian's
/// redis-server processes and joined with `redis-cli --cluster create`. Each node needs two free
/// ports: its own and the cluster bus at port + 10000. A node can be killed (SIGKILL) to test a
/// failover; the node timeout is short so a replica takes over within a few seconds.
/// </summary>
public sealed class RedisCluster : IDisposable
{
    private const int Nodes = 6;
    private readonly string _directory = Directory.CreateTempSubdirectory("redis-cluster-").FullName;
    private readonly Dictionary<int, Process> _servers = [];

    /// <param name="nodeTimeoutMs">cluster-node-timeout: how long a primary may be silent before its replica is promoted.</param>
    public RedisCluster(int nodeTimeoutMs = 1000)
    {
        NodeTimeoutMs = nodeTimeoutMs;
        Ports = FreeClusterPorts();
        try
        {
            foreach (var port in Ports)
            {
                Start(port);
            }
            RedisCli(["--cluster", "create", .. Ports.Select(p => $"127.0.0.1:{p}"), "--cluster-replicas", "1", "--cluster-yes"]);
            WaitUntil(() => Ports.All(p => RedisCli(["-p", $"{p}", "cluster", "info"]).Contains("cluster_state:ok", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the cluster to be ready");
            // A replica that never synced with its primary may not replace it (cluster-replica-validity-factor).
            WaitUntil(ReplicasInSync, TimeSpan.FromSeconds(30), "every replica to sync with its primary");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int NodeTimeoutMs { get; }

    public IReadOnlyList<int> Ports { get; }

    /// <summary>Every node, so a client finds the cluster whichever node is down.</summary>
    public string ConnectionString => string.Join(",", Ports.Select(p => $"127.0.0.1:{p}"));

    /// <summary>The port of the primary that serves a hash slot, as the first live node says now; -1 while none does.</summary>
    public int PrimaryOf(int slot)
    {
        var live = Ports.First(p => _servers.TryGetValue(p, out var s) && !s.HasExited);
        foreach (var line in RedisCli(["-p", $"{live}", "cluster", "nodes"]).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // <id> <ip:port@bus> <flags> <primary> <ping> <pong> <epoch> <link> <slot ranges…>
            var fields = line.Split(' ');
            if (!fields[2].Contains("master", StringComparison.Ordinal) || fields[2].Contains("fail", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var range in fields.Skip(8))
            {
                var bounds = range.Split('-');
                if (int.TryParse(bounds[0], out var first) && int.TryParse(bounds[^1], out var last) && slot >= first && slot <= last)
                {
                    return int.Parse(fields[1].Split(':', '@')[1], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        return -1;
    }

    /// <summary>Every replica has a live link to its primary (after the first sync).</summary>
    public bool ReplicasInSync()
    {
        var replication = Ports.Where(p => _servers.TryGetValue(p, out var s) && !s.HasExited).Select(p => RedisCli(["-p", $"{p}", "info", "replication"])).ToList();
        var replicas = replication.Where(r => r.Contains("role:slave", StringComparison.Ordinal)).ToList();
        return replicas.Count == 3 && replicas.All(r => r.Contains("master_link_status:up", StringComparison.Ordinal));
    }

    /// <summary>SIGKILL: the process dies at once, as on a crashed machine's process (the OS keeps what it already wrote).</summary>
    public void Kill(int port)
    {
        var server = _servers[port];
        server.Kill();
        server.WaitForExit();
    }

    /// <summary>Starts a killed node again with its cluster configuration (empty: nodes keep no data); it rejoins as a replica.</summary>
    public void Restart(int port)
    {
        _servers[port].Dispose();
        Start(port);
    }

    /// <summary>redis-cli's output for a command (the tests read cluster state with it, as an operator would).</summary>
    public static string RedisCli(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("redis-cli did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException("redis-cli did not finish within 60 s.");
        }
        return output.Result + error.Result;
    }

    public static void WaitUntil(Func<bool> condition, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds} s for {what}.");
            }
            Thread.Sleep(100);
        }
    }

    public void Dispose()
    {
        foreach (var server in _servers.Values)
        {
            if (!server.HasExited)
            {
                server.Kill();
                server.WaitForExit();
            }
            server.Dispose();
        }
        _servers.Clear();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A node's file still being closed; the temporary directory goes with the machine's clean-up.
        }
    }

    private void Start(int port) => _servers[port] = RedisProcess.Start(port,
    [
        "--cluster-enabled", "yes", "--cluster-config-file", $"nodes-{port}.conf", "--cluster-node-timeout", $"{NodeTimeoutMs}",
        "--dir", _directory, "--save", "", "--dbfilename", $"dump-{port}.rdb", "--appendonly", "no",
        // Replicas sync at once instead of after diskless replication's default 5 s pause.
        "--repl-diskless-sync-delay", "0",
    ], _directory);

    /// <summary>Six ports, each with its bus port (port + 10000) free too.</summary>
    private static int[] FreeClusterPorts()
    {
        var ports = new List<int>();
        while (ports.Count < Nodes)
        {
            var port = Random.Shared.Next(20000, 30000);
            if (!ports.Contains(port) && !Listening(port) && !Listening(port + 10000) && CanBind(port) && CanBind(port + 10000))
            {
                ports.Add(port);
            }
        }
        return [.. ports];
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
