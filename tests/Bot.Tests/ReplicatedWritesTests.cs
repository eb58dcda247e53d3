using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceDefaults;
using StackExchange.Redis;

namespace Bot.Tests;

/// <summary>
/// The confirmed writes' own connection: opening it once hung for good during a failover, and every
/// later form of the process waited behind that attempt. Now a write waits for it at most
/// ConnectWait, fails (the channel retries the turn), and the next write opens it afresh.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class ReplicatedWritesTests(RedisServer redis)
{
    [Fact]
    public async Task Write_WhileItsConnectionDoesNotOpen_FailsInTime_AndTheNextWriteConnectsAfresh()
    {
        // A node that takes connections and never answers, as a primary going down can.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        // Taken by the accept loop while the test reads it at the end: a concurrent collection.
        var held = new System.Collections.Concurrent.ConcurrentQueue<Socket>();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    held.Enqueue(await silent.AcceptSocketAsync());
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The listener stopped at the end of the test.
            }
        });
        var attempts = 0;
        ConfigurationOptions Connection()
        {
            var options = ConfigurationOptions.Parse(++attempts == 1 ? $"127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}" : redis.ConnectionString);
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 60_000;
            return options;
        }
        using var shared = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        using var writes = new ReplicatedWrites(shared, Connection,
            Options.Create(new ReplicaOptions { ReplicaAcks = 1, ReplicaAckTimeout = TimeSpan.FromMilliseconds(100), ConnectWait = TimeSpan.FromSeconds(1) }),
            NullLogger<ReplicatedWrites>.Instance);
        var key = new RedisKey($"{nameof(ReplicatedWritesTests)}:{Guid.NewGuid():N}");

        var stuck = writes.WriteAsync(key, database => database.StringSetAsync(key, "first"));
        // Bounded by ConnectWait (1 s), far inside the connect timeout the attempt itself would wait (60 s).
        await Assert.ThrowsAnyAsync<RedisException>(() => stuck.WaitAsync(TimeSpan.FromSeconds(30)));
        var written = await writes.WriteAsync(key, database => database.StringSetAsync(key, "second")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(written);
        Assert.Equal("second", (string?)await shared.GetDatabase().StringGetAsync(key));
        Assert.Equal(2, attempts);
        silent.Stop();
        foreach (var socket in held)
        {
            socket.Dispose();
        }
    }
}
