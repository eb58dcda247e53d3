using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bot.Activities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using TestSupport;

namespace Bot.Tests.BotFramework;

/// <summary>
/// A Bot Framework identity whose keys and tokens are at a <see cref="FakeMicrosoftIdentity"/>, and
/// Teams-shaped activities: for the Teams tests and the benchmark's answer-path run (which links this file).
/// </summary>
public static class TeamsBot
{
    public const string AppId = "3f9c1a52-7a0e-4c2b-9d64-5b1e2f7c8a90";

    /// <summary>The bot's settings for this identity, its keys at the fake's OpenID metadata, replies only to loopback.</summary>
    public static IReadOnlyDictionary<string, string> Settings(FakeMicrosoftIdentity identity) => new Dictionary<string, string>
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "app-password-for-tests",
        ["BotFramework:OpenIdMetadataUrl"] = identity.MetadataUrl("botframework"),
        ["BotFramework:EmulatorOpenIdMetadataUrl"] = identity.MetadataUrl("emulator"),
        ["BotFramework:GovOpenIdMetadataUrl"] = identity.MetadataUrl("gov"),
        ["BotFramework:AllowedServiceUrlHosts:0"] = "127.0.0.1",
    };

    /// <summary>MSAL insists on an https authority; its requests are carried to the fake's token endpoint.</summary>
    public static void SendMsalTo(FakeMicrosoftIdentity identity, IServiceCollection services) =>
        services.AddHttpClient("msal").ConfigurePrimaryHttpMessageHandler(() => new RedirectHandler(new Uri(identity.BaseUrl)));

    /// <summary>A token as the Bot Connector sends it to this bot for activities from <paramref name="serviceUrl"/>; each part can be made wrong.</summary>
    public static string ChannelToken(
        FakeMicrosoftIdentity.Key key, string serviceUrl, DateTimeOffset issuedAt,
        string issuer = "https://api.botframework.com", string audience = AppId, string algorithm = SecurityAlgorithms.RsaSha256) =>
        FakeMicrosoftIdentity.Mint(key, new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["serviceurl"] = serviceUrl,
        }, issuedAt, TimeSpan.FromHours(1), algorithm);

    /// <summary>The POST /api/messages the Bot Connector makes: the activity, with the channel's token as its bearer (none when null, as a forged call might come).</summary>
    public static HttpRequestMessage MessagesRequest(Activity activity, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity, BotJsonContext.Default.Activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

    /// <summary>An activity as Teams sends it in a one-to-one chat.</summary>
    public static Activity Personal(string conversationId, string userId, string serviceUrl, string type) => new()
    {
        Type = type,
        Id = "f:" + Guid.NewGuid().ToString("N"),
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        From = new ChannelAccount(userId, "Nguyễn Văn An"),
        Recipient = new ChannelAccount("28:" + AppId, "Trợ lý khảo sát"),
        Conversation = new ConversationAccount(conversationId) { ConversationType = "personal", TenantId = "tenant-1" },
        Locale = "vi-VN",
    };
}
