using Bot.Assistant;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bot.Tests.Assistant;

/// <summary>
/// The offline assistant against questions staff really ask, each with the facts its answer must
/// hold; each asked as written and again without diacritics, which must give the same answer.
/// </summary>
public sealed class OfflineQuestionTests : IDisposable
{
    private readonly AssistantHost _host = new();

    public sealed record AskedQuestion(string Question, string[] Facts, bool Scorecard = false, string? Kind = null);

    public static TheoryData<string> Questions()
    {
        var data = new TheoryData<string>();
        foreach (var c in Load())
        {
            data.Add(c.Question);
        }
        return data;
    }

    [Fact]
    public void Questions_AtLeastForty_EachWithFacts()
    {
        var cases = Load();
        Assert.True(cases.Count >= 40, $"{cases.Count} questions");
        Assert.All(cases, c => Assert.NotEmpty(c.Facts));
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Answer_WithAndWithoutDiacritics_HoldsTheFacts(string question)
    {
        var c = Load().Single(x => x.Question == question);
        if (c.Scorecard)
        {
            _host.GivenScorecard();
        }
        var answer = await _host.AskAsync(c.Question);
        var plain = await _host.AskAsync(WithoutDiacritics(c.Question));

        Assert.All(c.Facts, fact => Assert.Contains(fact, answer.Text));
        Assert.Equal(answer.Text, plain.Text);
        Assert.Equal(c.Kind ?? "not declined", c.Kind is null ? (answer.Kind == AnswerKind.Declined ? "declined" : "not declined") : answer.Kind.ToString());
    }

    [Theory]
    [InlineData("???")]
    [InlineData("<script>alert(1)</script> là gì?")]
    [InlineData("😀😀😀 bao nhiêu")]
    public async Task BadInput_DeclinedPolitely(string question)
    {
        var answer = await _host.AskAsync(question);

        Assert.Equal(AnswerKind.Declined, answer.Kind);
        Assert.StartsWith("Xin lỗi Anh/Chị", answer.Text);
    }

    [Fact]
    public async Task VeryLongQuestion_IsAnswered_NotCrashed()
    {
        var answer = await _host.AskAsync(string.Concat(Enumerable.Repeat("camera được mấy điểm ", 2000)));

        Assert.Contains("4.5", answer.Text);
    }

    public static string WithoutDiacritics(string text)
    {
        var plain = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(ch switch { 'đ' => 'd', 'Đ' => 'D', _ => ch });
            }
        }
        return plain.ToString().Normalize(NormalizationForm.FormC);
    }

    private static List<AskedQuestion> Load() =>
        JsonSerializer.Deserialize<List<AskedQuestion>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Assistant", "questions.json")), JsonSerializerOptions.Web)!;

    public void Dispose() => _host.Dispose();
}
