using Bot.Activities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Tests.BotFramework;

/// <summary>The bot with a Bot Framework identity, its keys and tokens at a <see cref="FakeMicrosoftIdentity"/>, and Teams-shaped activities.</summary>
public static class TeamsBot
{
    public const string AppId = "3f9c1a52-7a0e-4c2b-9d64-5b1e2f7c8a90";

    public static BotApp Create(RedisServer redis, CoreApp core, FakeMicrosoftIdentity identity)
    {
        var bot = new BotApp(redis, core);
        bot.Settings["MicrosoftAppId"] = AppId;
        bot.Settings["MicrosoftAppPassword"] = "app-password-for-tests";
        bot.Settings["BotFramework:OpenIdMetadataUrl"] = identity.MetadataUrl("botframework");
        bot.Settings["BotFramework:EmulatorOpenIdMetadataUrl"] = identity.MetadataUrl("emulator");
        bot.Settings["BotFramework:GovOpenIdMetadataUrl"] = identity.MetadataUrl("gov");
        bot.Settings["BotFramework:AllowedServiceUrlHosts:0"] = "127.0.0.1";
        // MSAL insists on an https authority; its requests are carried to the fake's token endpoint.
        bot.TestServices = services => services.AddHttpClient("msal").ConfigurePrimaryHttpMessageHandler(() => new RedirectHandler(new Uri(identity.BaseUrl)));
        return bot;
    }

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
