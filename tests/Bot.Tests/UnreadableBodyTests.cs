using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Bot.Tests;

/// <summary>
/// A body Kestrel cannot read (a chunk whose size is not a number) is the sender's fault: both services
/// answer it 400 with a Vietnamese problem, as they do any bad input, where it used to be a 500 "lỗi hệ
/// thống" that told the integrator to try later and an operator that the service was failing.
/// Over real HTTP on a loopback port, because only Kestrel parses chunks.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class UnreadableBodyTests(RedisServer redis) : BotTestBase(redis)
{
    private const string Expected = "Không đọc được nội dung yêu cầu";

    [Fact]
    public async Task ScoringCore_ABrokenChunk_Is400Problem()
    {
        // The shared core was seeded in process already; this one serves on a port from the start.
        await using var served = new CoreApp(Redis, null);
        var core = served.StartOnLoopback();

        AssertUnreadableProblem(await PostBrokenChunkAsync(core, "/api/v1/survey-responses", ("X-Api-Key", CoreApp.ApiKey)));
    }

    [Theory]
    [InlineData("/api/messages")]
    [InlineData("/api/v1/survey-invitations")]
    public async Task Bot_ABrokenChunk_Is400Problem(string path)
    {
        var bot = Bot.StartOnLoopback();

        AssertUnreadableProblem(await PostBrokenChunkAsync(bot, path, ("X-Api-Key", BotApp.AdminKey)));
    }

    private static void AssertUnreadableProblem((int Status, string? Type, JsonElement Body) response)
    {
        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.Type);
        Assert.StartsWith(Expected, response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Yêu cầu không hợp lệ", response.Body.GetProperty("title").GetString());
    }

    /// <summary>A chunked JSON POST whose first chunk size is "ZZ", written on a raw socket; the response's status, media type and body.</summary>
    private static async Task<(int Status, string? Type, JsonElement Body)> PostBrokenChunkAsync(Uri server, string path, (string Name, string Value) header)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        var request = $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\n{header.Name}: {header.Value}\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync();
        var head = raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var type = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?.Split(':', 2)[1].Split(';')[0].Trim();
        var json = raw[(raw.IndexOf('{'))..(raw.LastIndexOf('}') + 1)];
        return (status, type, JsonDocument.Parse(json).RootElement.Clone());
    }
}
