using Bot.People;

namespace Bot.Tests.Assistant;

/// <summary>"Năm ngoái", "năm sau": the year asked about, counted from the asker's (2026 here), unless a year is named.</summary>
public sealed class RelativeYearTests : IDisposable
{
    private readonly AssistantHost _host = new();

    [Fact]
    public async Task LastYear_IsTheYearBefore_ForTheCommunesScore()
    {
        _host.GivenCard("cam-vu", 70, "recognised", year: 2025);
        _host.GivenCard("cam-vu", 40, "submitted");

        var lastYear = await _host.AskAsync("năm ngoái xã mình được bao nhiêu điểm?");
        var thisYear = await _host.AskAsync("năm nay xã mình được bao nhiêu điểm?");

        Assert.StartsWith("Xã Cẩm Vũ năm 2025: tổng 70 điểm", lastYear.Text, StringComparison.Ordinal);
        Assert.StartsWith("Xã Cẩm Vũ năm 2026: tổng 40 điểm", thisYear.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AYearWithNothingInIt_IsSaidSo_WithoutAGapOf80Points()
    {
        _host.GivenCard("cam-vu", 0, "none", year: 2025);
        _host.GivenCard("cam-vu", 0, "none");

        var lastYear = await _host.AskAsync("năm ngoái xã mình được bao nhiêu điểm?");
        var thisYear = await _host.AskAsync("xã mình còn thiếu gì để lên mức 1?");

        Assert.Equal(["Xã Cẩm Vũ chưa có kết quả năm 2025: chưa có bản tự chấm và chưa có phiếu khảo sát nào được tính."], lastYear.Text.Split('\n')[..^1]);
        Assert.Equal("Gõ “tự chấm” để bắt đầu tự chấm.", thisYear.Text.Split('\n')[1]);
        Assert.DoesNotContain("còn thiếu", thisYear.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hạn tự chấm năm sau là ngày nào?", "năm 2027")]
    [InlineData("hạn tự chấm năm trước là ngày nào?", "năm 2025")]
    [InlineData("năm sau hạn tự chấm năm 2030 là ngày nào?", "năm 2030")] // a year named wins
    public async Task Deadlines_ForTheYearMeant(string question, string year)
    {
        var answer = await _host.AskAsync(question, StaffRole.Appraiser, "hd");

        Assert.StartsWith("Hạn xã tự chấm điểm và gửi báo cáo " + year, answer.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _host.Dispose();
}
