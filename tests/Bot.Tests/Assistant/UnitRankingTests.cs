using Bot.Assistant;
using Bot.Assistant.Answers;
using Bot.CoreClient;
using Bot.People;
using Bot.Units;
using Moq;
using Scoring.Rules;
using ScoringCore.Contracts;

namespace Bot.Tests.Assistant;

/// <summary>An official's "xã nào điểm cao nhất?": the communes that submitted, by total, from their scorecards (a Moq seam).</summary>
public sealed class UnitRankingTests : IDisposable
{
    private readonly AssistantHost _host = new();

    [Theory]
    [InlineData("Xã nào điểm cao nhất?")]
    [InlineData("xếp hạng các xã năm nay thế nào?")]
    [InlineData("xa nao dung dau tinh?")]
    public async Task HighestFirst_EachWithItsLevelAndWhetherItIsAppraised(string question)
    {
        GivenCards(("cam-vu", 78.5m, "submitted"), ("cam-binh", 91m, "appraised"), ("tu-minh", 0m, "none"));

        var answer = await _host.AskAsync(question, StaffRole.Appraiser, "hd");

        Assert.Equal(AnswerKind.Computed, answer.Kind);
        Assert.Equal(
        [
            "Tỉnh Hải Dương năm 2026: 2 xã, phường đã nộp bản tự chấm, theo tổng điểm từ cao xuống thấp:",
            "1. Xã Cẩm Bình: 91 điểm, Chuẩn Mức độ 3 (đã thẩm định)",
            "2. Xã Cẩm Vũ: 78,5 điểm, Không đạt chuẩn (tạm tính, chưa thẩm định)",
            "1 xã chưa nộp bản tự chấm nên chưa có điểm để xếp.",
            "Đề án xếp loại theo mức đạt chuẩn, không xếp thứ hạng: thứ tự này chỉ để tham khảo, và điểm tạm tính có thể thay đổi khi thẩm định.",
        ], answer.Text.Split('\n'));
    }

    [Fact]
    public async Task LowestFirst_WhenAskedForTheLowest_AndEqualTotalsShareAPlace()
    {
        GivenCards(("cam-vu", 80m, "recognised"), ("cam-binh", 80m, "revoked"), ("tu-minh", 60m, "submitted"));

        var answer = await _host.AskAsync("xã nào thấp điểm nhất?", StaffRole.Admin, "hd");

        var lines = answer.Text.Split('\n');
        Assert.Equal("Tỉnh Hải Dương năm 2026: 3 xã, phường đã nộp bản tự chấm, theo tổng điểm từ thấp lên cao:", lines[0]);
        Assert.StartsWith("1. Phường Tứ Minh: 60 điểm", lines[1], StringComparison.Ordinal);
        Assert.Equal("2. Xã Cẩm Bình: 80 điểm, Chuẩn Mức độ 1 (đã thu hồi công nhận)", lines[2]);
        Assert.Equal("2. Xã Cẩm Vũ: 80 điểm, Chuẩn Mức độ 1 (đã công nhận)", lines[3]);
        Assert.DoesNotContain(lines, l => l.Contains("chưa nộp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACommuneNamed_IsGivenItsPlace_OrToldItHasNoneYet()
    {
        GivenCards(("cam-vu", 78.5m, "submitted"), ("cam-binh", 91m, "appraised"), ("tu-minh", 0m, "none"));

        var placed = (await _host.AskAsync("Xã Cẩm Vũ xếp thứ mấy?", StaffRole.Appraiser, "hd")).Text.Split('\n');
        var fromBelow = (await _host.AskAsync("cẩm vũ có đứng cuối không?", StaffRole.Appraiser, "hd")).Text.Split('\n');
        var none = (await _host.AskAsync("Phường Tứ Minh xếp thứ mấy?", StaffRole.Appraiser, "hd")).Text.Split('\n');

        Assert.Equal("Xã Cẩm Vũ: thứ 2 trong 2 xã, phường đã nộp, 78,5 điểm.", placed[^2]);
        Assert.Equal("Xã Cẩm Vũ: thứ 1 trong 2 xã, phường đã nộp, 78,5 điểm.", fromBelow[^2]);
        Assert.StartsWith("Tỉnh Hải Dương năm 2026: 2 xã, phường đã nộp bản tự chấm, theo tổng điểm từ thấp lên cao:", fromBelow[0], StringComparison.Ordinal);
        Assert.Equal("Phường Tứ Minh chưa nộp bản tự chấm nên chưa có thứ hạng.", none[^2]);
    }

    [Fact]
    public async Task NoOneSubmitted_SaysThereIsNothingToRankYet()
    {
        GivenCards(("cam-vu", 40m, "draft"), ("cam-binh", 0m, "none"), ("tu-minh", 0m, "none"));

        var answer = await _host.AskAsync("xếp hạng các xã", StaffRole.Appraiser, "hd");

        Assert.Equal("Tỉnh Hải Dương năm 2026: chưa xã, phường nào nộp bản tự chấm, nên chưa có điểm để xếp hạng.", answer.Text);
    }

    [Fact]
    public async Task MoreThanTen_ShowsTenAndSaysHowManyMore()
    {
        var units = new List<UnitDto> { new("hd", "Tỉnh Hải Dương", "province", null) };
        for (var i = 1; i <= 12; i++)
        {
            units.Add(new UnitDto($"x{i}", $"Xã Số {i:00}", UnitTree.CommuneKind, "hd"));
            _host.GivenCard($"x{i}", 50m + i, "submitted");
        }
        var ranking = _host.Get<UnitRankingAnswers>();

        var answer = await ranking.RankAsync(new UnitTree(units), "hd", 2026, lowestFirst: false, CancellationToken.None);

        var lines = answer.Text.Split('\n');
        Assert.StartsWith("1. Xã Số 12: 62 điểm", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("10. Xã Số 03: 53 điểm", lines[10], StringComparison.Ordinal);
        Assert.Equal("… và 2 xã khác; gõ “xuất báo cáo” để có bảng điểm của mọi xã.", lines[11]);
    }

    [Fact]
    public async Task ACoreThatDoesNotAnswer_IsSaidSo_NotAHalfRanking()
    {
        GivenCards(("cam-vu", 78.5m, "submitted"), ("cam-binh", 91m, "appraised"));
        _host.Scorecards.Setup(s => s.GetAsync("tu-minh", 2026, It.IsAny<CancellationToken>())).ReturnsAsync(CoreResult.Unavailable<Scorecard>());

        var answer = await _host.AskAsync("xã nào điểm cao nhất?", StaffRole.Appraiser, "hd");

        Assert.DoesNotContain("Xã Cẩm Bình", answer.Text, StringComparison.Ordinal);
        Assert.Contains("tạm thời", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mức cao nhất cần bao nhiêu điểm?")]
    [InlineData("Có mấy mức xếp hạng?")]
    [InlineData("xã nào đạt mức 4?")]
    [InlineData("Người đứng đầu xuống thôn thế nào thì được điểm?")]
    [InlineData("Câu khảo sát nào điểm thấp nhất?")]
    public async Task NotARanking_WhenNoCommunesAreAskedAbout(string question)
    {
        // Strict: a scorecard read would throw.
        var answer = await _host.AskAsync(question, StaffRole.Appraiser, "hd");

        Assert.DoesNotContain("đã nộp bản tự chấm, theo tổng điểm", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xã nào điểm cao nhất?")]
    [InlineData("xã mình đứng thứ mấy trong tỉnh?")]
    public async Task CommuneStaff_AreNotGivenOtherCommunesScores_AndAreToldWhatTheyCanSee(string question)
    {
        // Strict: a scorecard read would throw.
        var answer = await _host.AskAsync(question, StaffRole.Staff, "cam-vu");

        Assert.StartsWith("Thứ hạng và kết quả của các xã khác do cấp thẩm định theo dõi", answer.Text, StringComparison.Ordinal);
        Assert.Contains("gõ “điểm”", answer.Text, StringComparison.Ordinal);
    }

    private void GivenCards(params (string CommuneId, decimal Total, string Status)[] cards)
    {
        foreach (var (communeId, total, status) in cards)
        {
            _host.GivenCard(communeId, total, status);
        }
    }

    public void Dispose() => _host.Dispose();
}
