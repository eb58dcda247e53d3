using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace TestSupport;

/// <summary>Reads a Direct Line stream as DirectLineJS does: each text message an ActivitySet, empty keep-alives skipped.</summary>
public static class ActivitySets
{
    /// <summary>Hands each ActivitySet to <paramref name="onSet"/> until the server closes the stream or the connection drops.</summary>
    public static async Task ReadAllAsync(WebSocket socket, Action<JsonElement> onSet)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var message = await ReceiveAsync(socket, buffer);
                if (message is null)
                {
                    return;
                }
                if (message.Length > 0)
                {
                    using var set = JsonDocument.Parse(message);
                    onSet(set.RootElement);
                }
            }
        }
        catch (WebSocketException)
        {
            // The server went away; the caller looks at what arrived.
        }
    }

    /// <summary>The next whole message, or null when the other side closed.</summary>
    private static async Task<string?> ReceiveAsync(WebSocket socket, byte[] buffer)
    {
        using var message = new MemoryStream();
        WebSocketReceiveResult frame;
        do
        {
            frame = await socket.ReceiveAsync(buffer, CancellationToken.None);
            message.Write(buffer, 0, frame.Count);
        }
        while (!frame.EndOfMessage);
        return frame.MessageType == WebSocketMessageType.Close ? null : Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
    }
}
