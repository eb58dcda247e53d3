using Bot.People;
using Moq;

namespace Bot.Tests.Assistant;

/// <summary>"Ai thẩm định xã mình?": the appraising level the scheme names, as this province has it, with its deadlines.</summary>
public sealed class AppraisersTests : IDisposable
{
    private readonly AssistantHost _host = new();

    [Fact]
    public async Task Staff_AreToldTheLevel_AndTheUnitTheirCommuneIsUnder()
    {
        var answer = await _host.AskAsync("ai thẩm định xã mình?");

        var lines = answer.Text.Split('\n');
        Assert.Contains("Từ 01/7/2025 không còn cấp huyện: việc này do cấp tỉnh đảm nhận", lines[0], StringComparison.Ordinal);
        Assert.Equal("Bản tự chấm của xã Cẩm Vũ do cán bộ thẩm định của tỉnh Hải Dương xem và thẩm định sau khi xã nộp.", lines[1]);
        Assert.StartsWith("Hạn cấp trên thẩm định và tổ chức khảo sát năm 2026: trước ngày 31/12/2026", lines[2], StringComparison.Ordinal);
        // Who appraises is the scheme's, not the commune's score: no scorecard is read.
        _host.Scorecards.Verify(s => s.GetAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AnOfficial_GetsTheLevel_WithoutACommuneLine()
    {
        var answer = await _host.AskAsync("Cơ quan nào ra quyết định công nhận?", StaffRole.Appraiser, "hd");

        Assert.Contains("ban hành quyết định công nhận xã đạt chuẩn", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bản tự chấm của", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Làm sao thu hồi công nhận?")]
    [InlineData("Thẩm định xong khi nào có quyết định công nhận?")]
    [InlineData("Điểm thẩm định khác điểm tự chấm thì lấy điểm nào?")]
    public async Task OtherQuestions_AboutTheAppraisal_AreNotThisAnswer(string question)
    {
        var answer = await _host.AskAsync(question);

        Assert.DoesNotContain("Theo Đề án, Ủy ban nhân dân cấp huyện thẩm định", answer.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _host.Dispose();
}
