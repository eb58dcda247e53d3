using Bot.CoreClient;
using Bot.People;
using Moq;
using Scoring.Rules;

namespace Bot.Tests.Assistant;

/// <summary>A commune's survey forms so far, from its scorecard (a Moq seam): counted, held, and too few to rely on.</summary>
public sealed class CommuneSurveyTests : IDisposable
{
    private readonly AssistantHost _host = new();

    [Fact]
    public async Task HeldForms_AndTooFewToRelyOn_AreSaid()
    {
        GivenCard("cam-vu", new SurveyPartScore(7.25m, 12, 0, Held: 3, SampleWarning: true), new SurveyPartScore(0, 0, null));

        var answer = await _host.AskAsync("xã em được mấy phiếu khảo sát rồi?");

        Assert.Equal(
        [
            "Khảo sát năm 2026 của xã Cẩm Vũ:",
            "• Người dân (A1): 7,25/10 điểm, từ 12 phiếu được tính; 3 phiếu đang chờ cấp thẩm định xét; dưới 20 phiếu nên điểm này có lưu ý chưa đủ tin cậy.",
            "• Cán bộ thôn, khu dân cư (A2): chưa có phiếu nào được tính.",
        ], answer.Text.Split('\n')[..3]);
    }

    [Fact]
    public async Task AnOfficial_AsksAboutACommuneByName()
    {
        GivenCard("cam-binh", new SurveyPartScore(9m, 31, 0), new SurveyPartScore(8m, 6, null));

        var answer = await _host.AskAsync("Xã Cẩm Bình hiện có bao nhiêu phiếu khảo sát?", StaffRole.Appraiser, "hd");
        var unnamed = await _host.AskAsync("phải lấy bao nhiêu phiếu khảo sát?", StaffRole.Appraiser, "hd");

        Assert.StartsWith("Khảo sát năm 2026 của xã Cẩm Bình:\n• Người dân (A1): 9/10 điểm, từ 31 phiếu được tính.", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Khảo sát năm 2026 của", unnamed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACoreThatDoesNotAnswer_IsSaidSo()
    {
        _host.Scorecards.Setup(s => s.GetAsync("cam-vu", 2026, It.IsAny<CancellationToken>())).ReturnsAsync(CoreResult.Unavailable<Scorecard>());

        var answer = await _host.AskAsync("xã mình có bao nhiêu phiếu khảo sát rồi?");

        Assert.Contains("tạm thời gián đoạn", answer.Text, StringComparison.Ordinal);
    }

    private void GivenCard(string communeId, SurveyPartScore a1, SurveyPartScore a2) => _host.GivenCard(communeId, 60, "submitted", a1, a2);

    public void Dispose() => _host.Dispose();
}
