using System.Net.WebSockets;
using System.Text.Json;

namespace Bot.Tests.DirectLine;

/// <summary>Reads a Direct Line stream as DirectLineJS does: each text frame an ActivitySet, empty frames ignored.</summary>
public sealed class StreamSocket : IAsyncDisposable
{
    private readonly WebSocket _socket;
    private readonly List<JsonElement> _activities = [];
    private readonly List<string> _watermarks = [];
    private readonly Task _reading;

    private StreamSocket(WebSocket socket)
    {
        _socket = socket;
        _reading = ReadAsync();
    }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;
    public string? CloseReason => _socket.CloseStatusDescription;
    public Task Closed => _reading;

    public IReadOnlyList<JsonElement> Activities
    {
        get
        {
            lock (_activities)
            {
                return [.. _activities];
            }
        }
    }

    public string LastWatermark
    {
        get
        {
            lock (_activities)
            {
                return _watermarks.Count > 0 ? _watermarks[^1] : "";
            }
        }
    }

    public static async Task<StreamSocket> OpenAsync(Func<Uri, Task<WebSocket>> connect, string streamUrl) => new(await connect(new Uri(streamUrl)));

    public IReadOnlyList<JsonElement> BotMessages => Activities.Where(DirectLineClient.IsBotMessage).ToList();

    /// <summary>Waits until the bot's messages satisfy the condition; returns those after <paramref name="skip"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> BotRepliesAsync(int skip, Func<IReadOnlyList<JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var replies = BotMessages.Skip(skip).ToList();
            if (done(replies))
            {
                return replies;
            }
            await Task.Delay(20);
        }
        // Everything it heard, both sides, and whether it is still open: enough to tell a lost message from a slow turn.
        var heard = Activities.Select(a => $"{a.GetProperty("from").GetProperty("role").GetString()}: {DirectLineClient.Text(a)}");
        throw new TimeoutException($"No such replies after the first {skip} of the bot's on the stream ({_socket.State}); it had: {string.Join(" | ", heard)}");
    }

    private Task ReadAsync() => ActivitySets.ReadAllAsync(_socket, set =>
    {
        lock (_activities)
        {
            _activities.AddRange(set.GetProperty("activities").EnumerateArray().Select(a => a.Clone()));
            _watermarks.Add(set.GetProperty("watermark").GetString()!);
        }
    });

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }
        await _reading;
        _socket.Dispose();
    }
}
