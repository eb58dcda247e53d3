namespace Bot.Tests.Assistant;

/// <summary>What reads as a question for the assistant, before any command word: interrogatives, and yes-or-no questions.</summary>
public sealed class QuestionDetectorTests : IDisposable
{
    private readonly AssistantHost _host = new();

    [Theory]
    [InlineData("camera được mấy điểm")]
    [InlineData("xin lỗi người dân khi trễ hẹn có được điểm không")]
    [InlineData("xã mình đã nộp tự chấm chưa ạ")]
    [InlineData("co tinh diem khong a")]
    [InlineData("xã Cẩm Bình đã thẩm định chưa nhỉ")]
    [InlineData("xã nào được mức 4")]
    public void YesOrNo_AndInterrogatives_AreQuestions(string text) =>
        Assert.True(_host.Get<Bot.Assistant.Questions.QuestionDetector>().AsksSomething(text));

    [Theory]
    [InlineData("không")]
    [InlineData("có chưa")]
    [InlineData("Biên bản họp số 12, có chữ ký")]
    [InlineData("xã chưa có hòm thư")]
    [InlineData("điểm Cẩm Vũ")]
    [InlineData("tôi là ai")]
    public void Statements_AndShortAnswers_AreNot(string text) =>
        Assert.False(_host.Get<Bot.Assistant.Questions.QuestionDetector>().AsksSomething(text));

    public void Dispose() => _host.Dispose();
}
