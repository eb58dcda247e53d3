using Bot.Staff.Surveys;
using Scoring.Loading;
using Scoring.Rules;

namespace Bot.Tests.Staff;

/// <summary>How a paper sheet's answers typed by an appraiser are read (no I/O).</summary>
public sealed class PaperSheetAnswersTests
{
    private static readonly ScoringRules Rules = new(SchemeLoader.Load());
    private static readonly PaperSheetAnswers Answers = new(Rules);

    [Theory]
    [InlineData("2 1 1 0,5 2", "tot kha kha trung-binh tot")]
    [InlineData("tốt, khá, khá, trung bình, tốt", "tot kha kha trung-binh tot")]
    [InlineData("Tốt khá khá trung binh tốt", "tot kha kha trung-binh tot")]
    [InlineData("tốt khá khá tb tốt", "tot kha kha trung-binh tot")] // the chat survey's abbreviation
    [InlineData("a b b c d", "tot kha kha trung-binh yeu")]
    [InlineData("TB", "trung-binh")]
    [InlineData("0,5", "trung-binh")]
    [InlineData("yếu", "yeu")]
    [InlineData("khá tốt", "kha tot")] // two answers: "khá tốt" is one only in the chat, where one answer is asked at a time
    public void AnswersAreReadInOrder(string typed, string codes)
    {
        Assert.Equal(codes.Split(' '), Answers.Read(Rules.Scheme.Forms[Rules.CitizenForm], typed));
    }

    [Theory]
    [InlineData("tuyệt vời")]
    [InlineData("1,5")]
    [InlineData("tốt lắm khá")]
    [InlineData("3")]
    public void WhatIsNoAnswer_IsNotRead(string typed) =>
        Assert.Null(Answers.Read(Rules.Scheme.Forms[Rules.CitizenForm], typed));

    [Fact]
    public void ANumberThatIsNoAnswersPoints_IsNamed()
    {
        var form = Rules.Scheme.Forms[Rules.CitizenForm];

        Assert.Equal("1,5", PaperSheetAnswers.NotAPoint(form, "2 2 1,5 1 2"));
        Assert.Null(PaperSheetAnswers.NotAPoint(form, "tốt 1,5"));
        Assert.True(PaperSheetAnswers.IsLineOfNumbers("2 1"));
        Assert.False(PaperSheetAnswers.IsLineOfNumbers("2"));
    }
}
