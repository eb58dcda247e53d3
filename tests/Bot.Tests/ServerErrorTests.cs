using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Units;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using StackExchange.Redis;

namespace Bot.Tests;

/// <summary>An unhandled failure answers problem+json in Vietnamese, as the scoring core does: 503 when Redis did not answer, 500 otherwise.</summary>
[Collection(RedisTests.Name)]
public sealed class ServerErrorTests(RedisServer redis) : BotTestBase(redis)
{
    public static TheoryData<string, int, string> Failures => new()
    {
        { "bug", 500, "Đã có lỗi ngoài ý muốn" },
        { "redis", 503, "Kho dữ liệu tạm thời không trả lời" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task AFailureInsideAnEndpoint_IsAVietnameseProblem(string failure, int status, string detail)
    {
        Exception thrown = failure == "redis"
            ? new RedisException("no primary")
            : new InvalidOperationException("a defect");
        var communes = new Mock<ICommuneDirectory>();
        communes.Setup(c => c.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(thrown);
        Bot.TestServices = services => services.AddSingleton(communes.Object);

        var response = await Surveys.Invitations(Bot).PostAsJsonAsync("/api/v1/survey-invitations",
            new { form = "citizen", communeId = "cam-vu", caseCode = "HS-1", visitedAt = "2026-11-24T08:40:00+07:00" });

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("An error occurred", problem.GetProperty("title").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
        communes.Verify(c => c.FindAsync("cam-vu", It.IsAny<CancellationToken>()), Times.Once);
    }
}
