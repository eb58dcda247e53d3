using System.Net.Http.Json;
using Bot.Activities;

namespace Bot.Channels.BotFramework;

/// <summary>
/// The Bot Connector REST API at an activity's serviceUrl: a reply goes to
/// POST {serviceUrl}/v3/conversations/{id}/activities/{replyToId}, anything else to
/// POST {serviceUrl}/v3/conversations/{id}/activities. Outbound tokens arrive with issue #6.
/// </summary>
public sealed class ConnectorClient(HttpClient http)
{
    public async Task SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation!.Id!;
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(EnsureSlash(activity.ServiceUrl!)), path))
        {
            Content = JsonContent.Create(activity, BotJsonContext.Default.Activity),
        };
        request.Headers.Add("x-ms-conversation-id", conversationId);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string EnsureSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
