using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Bot.Tests.Invitations;

/// <summary>POST /api/v1/survey-invitations as a province's one-stop software calls it: one case, one invitation.</summary>
[Collection(RedisTests.Name)]
public sealed class InvitationApiTests(RedisServer redis) : BotTestBase(redis)
{
    private const string Case = "000.00.25.H23-241126-0001";

    private HttpClient Api => Surveys.Invitations(Bot);

    private static object Citizen(string caseCode = Case, string communeId = "cam-vu", string visitedAt = "2026-11-24T08:40:00+07:00") =>
        new { form = "citizen", communeId, caseCode, visitedAt };

    [Fact]
    public async Task Post_NewCase_Is201WithCodeUrlQrAndExpiry_AndTheSameCaseAgainIs200WithTheSame()
    {
        var first = await Api.PostAsJsonAsync("/api/v1/survey-invitations", Citizen());
        var again = await Api.PostAsJsonAsync("/api/v1/survey-invitations", Citizen());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var issued = await first.Content.ReadFromJsonAsync<JsonElement>();
        var code = issued.GetProperty("code").GetString()!;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        Assert.StartsWith($"http://localhost/s/i/{code}/", issued.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(issued.GetProperty("url").GetString() + "/qr.png", issued.GetProperty("qrUrl").GetString());
        // 21 days after the visit, the scheme file's default.
        Assert.Equal(DateTimeOffset.Parse("2026-12-15T08:40:00+07:00", System.Globalization.CultureInfo.InvariantCulture), issued.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(issued.ToString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).ToString());
        var other = await (await Api.PostAsJsonAsync("/api/v1/survey-invitations", Citizen(caseCode: "000.00.25.H23-241126-0002"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(code, other.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_Batch_Is200WithOneInvitationEachInOrder()
    {
        var response = await Api.PostAsJsonAsync("/api/v1/survey-invitations", new[] { Citizen("case-1"), Citizen("case-2"), Citizen("case-1") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(3, codes.Count);
        Assert.NotEqual(codes[0], codes[1]);
        Assert.Equal(codes[0], codes[2]);
    }

    [Theory]
    [InlineData("wrong-key-0123456789")]
    [InlineData("")]
    public async Task Post_WrongKey_Is401(string key)
    {
        var client = Bot.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var response = await client.PostAsJsonAsync("/api/v1/survey-invitations", Citizen());

        await AssertProblemAsync(response, 401, "", "X-Api-Key");
    }

    [Fact]
    public async Task Post_WithASeparateIntegrationKey_AcceptsItAndNotTheAdminKey()
    {
        Bot.Settings["Invitations:IntegrationKey"] = "one-stop-integration-key-01";
        var integration = Bot.CreateClient();
        integration.DefaultRequestHeaders.Add("X-Api-Key", "one-stop-integration-key-01");

        Assert.Equal(HttpStatusCode.Created, (await integration.PostAsJsonAsync("/api/v1/survey-invitations", Citizen())).StatusCode);
        await AssertProblemAsync(await Api.PostAsJsonAsync("/api/v1/survey-invitations", Citizen()), 401, "", "khóa tích hợp");
    }

    [Fact]
    public async Task EachKey_OpensOnlyItsOwnEndpoints()
    {
        Bot.Settings["Invitations:IntegrationKey"] = "one-stop-integration-key-01";
        var integration = Bot.CreateClient();
        integration.DefaultRequestHeaders.Add("X-Api-Key", "one-stop-integration-key-01");

        var adminLinks = await Api.GetAsync("/api/admin/survey-links");
        var integrationLinks = await integration.GetAsync("/api/admin/survey-links");
        var noKey = await Bot.CreateClient().GetAsync("/api/admin/survey-links");

        Assert.Equal(HttpStatusCode.OK, adminLinks.StatusCode);
        await AssertProblemAsync(integrationLinks, 401, "", "khóa quản trị");
        await AssertProblemAsync(noKey, 401, "", "X-Api-Key");
    }

    public static TheoryData<string, int, string, string> BadRequests => new()
    {
        { """{"form":"citizen","communeId":"made-up","caseCode":"c-1","visitedAt":"2026-11-24T08:40:00+07:00"}""", 404, "communeId", "made-up" },
        { """{"form":"visitor","communeId":"cam-vu"}""", 400, "form", "\"citizen\", \"cadre\"" },
        { """{"communeId":"cam-vu"}""", 400, "form", "Thiếu trường form" },
        { """{"form":"citizen","communeId":"cam-vu","visitedAt":"2026-11-24T08:40:00+07:00"}""", 400, "caseCode", "Thiếu trường caseCode" },
        { """{"form":"citizen","communeId":"cam-vu","caseCode":"mã có dấu cách","visitedAt":"2026-11-24T08:40:00+07:00"}""", 400, "caseCode", "mã hồ sơ" },
        { """{"form":"citizen","communeId":"cam-vu","caseCode":"c-1"}""", 400, "visitedAt", "Thiếu trường visitedAt" },
        { """{"form":"citizen","communeId":"cam-vu","caseCode":"c-1","visitedAt":"24/11/2026"}""", 400, "visitedAt", "ISO 8601" },
        { """{"form":"citizen","communeId":"cam-vu","caseCode":"c-1","visitedAt":"2026-11-24T08:40:00"}""", 400, "visitedAt", "múi giờ" },
        { """{"form":"citizen","communeId":"cam-vu","caseCode":"c-1","visitedAt":"2026-12-24T08:40:00+07:00"}""", 400, "visitedAt", "tương lai" },
        { """{"form":"citizen","communeId":"cam-vu","caseCode":"c-1","visitedAt":"2026-10-01T08:40:00+07:00"}""", 400, "visitedAt", "quá 21 ngày" },
        { """{"form":"citizen","communeId":"cam-vu","caseCode":"c-1","visitedAt":"2023-11-24T08:40:00+07:00"}""", 400, "visitedAt", "từ 2024 đến 2030" },
        { """{"form":"cadre","communeId":"cam-vu","role":"chu-tich","village":"Thôn Đông"}""", 400, "role", "\"truong-thon\"" },
        { """{"form":"cadre","communeId":"cam-vu","role":"truong-thon"}""", 400, "village", "Thiếu trường village" },
        { """{"form":"cadre","communeId":"cam-vu","role":"truong-thon","village":"Thôn\u0000Đông"}""", 400, "village", "U+0000" },
        { """{"form":"cadre","communeId":"cam-vu","role":"truong-thon","village":"Thôn Đông","name":"Nguyễn\nHoa"}""", 400, "name", "U+000A" },
        { """{"form":"citizen","communeId":42}""", 400, "communeId", "sai kiểu" },
        { """{"form":"citizen",""", 400, "", "không phải JSON" },
        { "\"citizen\"", 400, "", "một đối tượng lời mời" },
        { "[]", 400, "", "từ 1 đến 500" },
        { """[{"form":"citizen","communeId":"cam-vu","caseCode":"c-1","visitedAt":"2026-11-24T08:40:00+07:00"},{"form":"citizen","communeId":"cam-vu","caseCode":"c-2"}]""", 400, "[1].visitedAt", "Thiếu trường [1].visitedAt" },
        { "[null]", 400, "[0]", "một đối tượng lời mời" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Post_BadInput_IsAProblemNamingTheField_AndIssuesNothing(string body, int status, string field, string detail)
    {
        var response = await Api.PostAsync("/api/v1/survey-invitations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, status, field, detail);
        // A batch refused for one item issues none of them.
        var first = await Api.PostAsJsonAsync("/api/v1/survey-invitations", Citizen("c-1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
    }

    [Fact]
    public async Task Post_Cadre_SameCadreAgainGetsTheSameInvitation_AnotherCadreAnother()
    {
        var cadre = new { form = "cadre", communeId = "cam-vu", role = "truong-thon", village = "Thôn Đông" };

        var first = await Api.PostAsJsonAsync("/api/v1/survey-invitations", cadre);
        // Typed again without diacritics: the same cadre.
        var again = await Api.PostAsJsonAsync("/api/v1/survey-invitations", cadre with { village = "thon dong" });
        var other = await Api.PostAsJsonAsync("/api/v1/survey-invitations", new { form = "cadre", communeId = "cam-vu", role = "truong-doan-the", village = "Thôn Đông", name = "Nguyễn Thị Hoa" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var code = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        Assert.Equal(code, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.NotEqual(code, (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string field, string detail)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
