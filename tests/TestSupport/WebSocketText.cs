using System.Net.WebSockets;
using System.Text;

namespace TestSupport;

/// <summary>Reads whole text messages from a WebSocket, as a Direct Line client does.</summary>
public static class WebSocketText
{
    /// <summary>The next message ("" for an empty keep-alive), or null when the other side closed.</summary>
    public static async Task<string?> ReceiveAsync(WebSocket socket, byte[] buffer, CancellationToken cancellationToken = default)
    {
        using var message = new MemoryStream();
        WebSocketReceiveResult frame;
        do
        {
            frame = await socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, frame.Count);
        }
        while (!frame.EndOfMessage);
        return frame.MessageType == WebSocketMessageType.Close ? null : Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
    }
}
