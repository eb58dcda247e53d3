using System.Net.Http.Headers;
using Bot.Activities;
using Bot.Channels.BotFramework.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace Bot.Channels.BotFramework;

/// <summary>
/// The Bot Connector REST API at an activity's serviceUrl: a reply goes to
/// POST {serviceUrl}/v3/conversations/{id}/activities/{replyToId}, anything else to
/// POST {serviceUrl}/v3/conversations/{id}/activities, an update of a sent card to
/// PUT …/activities/{activityId}. When the bot has an app id each call carries its token, and
/// only to a serviceUrl whose host is on the allow-list. A singleton that takes a pooled client
/// per call, so replies and reminders share it without holding one handler for ever.
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory httpClients, IOptions<BotFrameworkOptions> options, ConnectorTokens tokens)
{
    public const string HttpClientName = "bot-connector";

    public async Task SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var path = ActivitiesPath(activity);
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }
        await CallAsync(HttpMethod.Post, activity, path, cancellationToken);
    }

    /// <summary>Replaces an activity the bot sent earlier (a card that has been answered).</summary>
    public Task UpdateAsync(string activityId, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, activity, ActivitiesPath(activity) + "/" + Uri.EscapeDataString(activityId), cancellationToken);

    private async Task CallAsync(HttpMethod method, Activity activity, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(new Uri(EnsureSlash(activity.ServiceUrl!)), path))
        {
            Content = JsonContent.Create(activity, BotJsonContext.Wire.Activity),
        };
        request.Headers.Add("x-ms-conversation-id", activity.Conversation!.Id);
        if (options.Value.AuthenticationEnabled)
        {
            if (!options.Value.IsAllowedServiceUrl(activity.ServiceUrl))
            {
                throw new HttpRequestException("The serviceUrl's host is not on BotFramework:AllowedServiceUrlHosts; the token is not sent there.");
            }
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        }
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await tokens.GetAsync(cancellationToken);
        }
        catch (MsalException e)
        {
            throw new HttpRequestException("Could not get a Bot Connector token.", e);
        }
    }

    private static string ActivitiesPath(Activity activity) => $"v3/conversations/{Uri.EscapeDataString(activity.Conversation!.Id!)}/activities";

    private static string EnsureSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
