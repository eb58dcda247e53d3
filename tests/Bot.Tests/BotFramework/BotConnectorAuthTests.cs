using System.Net;
using Bot.Activities;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Tests.BotFramework;

/// <summary>
/// /api/messages with MicrosoftAppId configured: tokens checked against a local OpenID server
/// with its own keys, replies sent with an MSAL token from a local Entra token endpoint.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class BotConnectorAuthTests(RedisServer redis) : TeamsTestBase(redis)
{
    [Fact]
    public async Task Message_ValidChannelToken_RunsTheTurnAndRepliesWithAnMsalToken()
    {
        var response = await PostAsync(ChannelToken(TeamsKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Connector.Received.Count);
        var request = Assert.Single(Identity.TokenRequests);
        Assert.Equal(("botframework.com", TeamsBot.AppId, "https://api.botframework.com/.default"), request);
        Assert.All(Connector.Authorizations, header => Assert.Equal("Bearer " + Identity.IssuedTokens.Single(), header));
    }

    [Fact]
    public async Task Message_SecondTurn_ReusesTheCachedOutboundToken()
    {
        await PostAsync(ChannelToken(TeamsKey));
        await PostAsync(ChannelToken(TeamsKey), text: "đồng ý");

        Assert.Equal(3, Connector.Received.Count);
        Assert.Single(Identity.TokenRequests);
    }

    [Fact]
    public async Task Message_NoAuthorizationHeader_Is401WithNothingRun()
    {
        await AssertRefusedAsync(token: null);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.")]
    public async Task Message_MalformedOrUnsignedToken_Is401(string token)
    {
        await AssertRefusedAsync(token);
    }

    [Fact]
    public async Task Message_ForgedToken_SignedWithAnotherKeyUnderAPublishedKeyId_Is401()
    {
        var forger = FakeMicrosoftIdentity.NewKey(id: TeamsKey.Id);

        await AssertRefusedAsync(ChannelToken(forger));
    }

    [Fact]
    public async Task Message_ExpiredBeyondTheSkew_Is401_WithinTheSkew_Runs()
    {
        var now = Bot.Clock.GetUtcNow();

        await AssertRefusedAsync(ChannelToken(TeamsKey, issuedAt: now.AddHours(-1).AddMinutes(-6)));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ChannelToken(TeamsKey, issuedAt: now.AddHours(-1).AddMinutes(-3)))).StatusCode);
    }

    [Fact]
    public async Task Message_TokenForAnotherAudience_Is401()
    {
        await AssertRefusedAsync(ChannelToken(TeamsKey, audience: "another-bot"));
    }

    [Fact]
    public async Task Message_UnknownIssuer_Is401()
    {
        await AssertRefusedAsync(ChannelToken(TeamsKey, issuer: "https://api.botframework.example"));
    }

    [Fact]
    public async Task Message_KeyNotEndorsedForTheChannel_Is401()
    {
        var skypeOnly = Identity.AddKey("botframework", "skype");

        await AssertRefusedAsync(ChannelToken(skypeOnly));
    }

    [Fact]
    public async Task Message_ChannelKeyWithoutEndorsements_Is401()
    {
        var bare = Identity.AddKey("botframework", endorsements: null);

        await AssertRefusedAsync(ChannelToken(bare));
    }

    [Fact]
    public async Task Message_ServiceUrlClaimForAnotherServiceUrl_Is401()
    {
        await AssertRefusedAsync(ChannelToken(TeamsKey, serviceUrl: "https://smba.trafficmanager.net/emea/"));
    }

    [Fact]
    public async Task Message_ServiceUrlOffTheAllowList_Is401AndNoTokenIsFetched()
    {
        const string elsewhere = "http://localhost:9/";

        await AssertRefusedAsync(ChannelToken(TeamsKey, serviceUrl: elsewhere), elsewhere);
        Assert.Empty(Identity.TokenRequests);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384, HttpStatusCode.OK)]
    [InlineData(SecurityAlgorithms.RsaSha512, HttpStatusCode.OK)]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha256, HttpStatusCode.Unauthorized)]
    public async Task Message_SigningAlgorithm_OnlyRs256To512Pass(string algorithm, HttpStatusCode expected)
    {
        Assert.Equal(expected, (await PostAsync(ChannelToken(TeamsKey, algorithm: algorithm))).StatusCode);
    }

    [Fact]
    public async Task Message_KeyRotatedIn_IsFetchedOnItsFirstUse_AfterTheRefreshInterval()
    {
        await PostAsync(ChannelToken(TeamsKey));
        var rotated = Identity.AddKey("botframework", "msteams");

        // The keys were fetched a moment ago: an unknown key id does not fetch again yet (a flood of made-up ids must not reach Microsoft).
        await AssertRefusedAsync(ChannelToken(rotated));
        Bot.Clock.Now += TimeSpan.FromMinutes(6);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ChannelToken(rotated))).StatusCode);
    }

    [Fact]
    public async Task Message_GovernmentCloudToken_IsCheckedAgainstTheGovernmentKeys()
    {
        var govKey = Identity.AddKey("gov", "msteams");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ChannelToken(govKey, issuer: "https://api.botframework.us"))).StatusCode);
        await AssertRefusedAsync(ChannelToken(TeamsKey, issuer: "https://api.botframework.us"));
    }

    [Theory]
    [InlineData("1.0", "appid", HttpStatusCode.OK)]
    [InlineData("2.0", "azp", HttpStatusCode.OK)]
    [InlineData("2.0", "appid", HttpStatusCode.Unauthorized)]
    public async Task Message_EmulatorToken_NamesOurAppByVersion(string version, string appClaim, HttpStatusCode expected)
    {
        var emulatorKey = Identity.AddKey("emulator", endorsements: null);
        var issuer = version == "1.0"
            ? "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"
            : "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";
        var token = FakeMicrosoftIdentity.Mint(emulatorKey, new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = TeamsBot.AppId,
            ["ver"] = version,
            [appClaim] = TeamsBot.AppId,
        }, Bot.Clock.GetUtcNow(), TimeSpan.FromHours(1));

        Assert.Equal(expected, (await PostAsync(token)).StatusCode);
    }

    private string ChannelToken(
        FakeMicrosoftIdentity.Key key, string issuer = "https://api.botframework.com", string audience = TeamsBot.AppId,
        string? serviceUrl = null, DateTimeOffset? issuedAt = null, string algorithm = SecurityAlgorithms.RsaSha256) =>
        TeamsBot.ChannelToken(key, serviceUrl ?? Connector.ServiceUrl, issuedAt ?? Bot.Clock.GetUtcNow(), issuer, audience, algorithm);

    private Task<HttpResponseMessage> PostAsync(string? token, string text = "khảo sát cam-vu", string? serviceUrl = null)
    {
        var activity = TeamsBot.Personal("conv-auth", "29:user-auth", serviceUrl ?? Connector.ServiceUrl, ActivityTypes.Message);
        activity.Text = text;
        return Bot.CreateClient().SendAsync(TeamsBot.MessagesRequest(activity, token));
    }

    /// <summary>Posts and expects a bare 401 and no turn: nothing more reaches the connector.</summary>
    private async Task AssertRefusedAsync(string? token, string? serviceUrl = null)
    {
        var sentBefore = Connector.Received.Count;

        var response = await PostAsync(token, serviceUrl: serviceUrl);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(sentBefore, Connector.Received.Count);
    }
}
