using Bot.Dialogs;
using Scoring.Loading;

namespace Bot.Tests;

/// <summary>The citizen form's answers as dialogs/ defines them, matched against what people type. No Redis, no host.</summary>
public sealed class ChoiceOptionsTests
{
    private static readonly Scoring.Scheme.SchemeDefinition Scheme = SchemeLoader.Load();
    private static readonly Scoring.Scheme.SurveyDialog Dialog = Scheme.Surveys["citizen"];
    private static readonly IReadOnlyList<Scoring.Scheme.DialogOption> Answers = ChoiceOptions.Answers(Dialog, Scheme.Forms["citizen"]);
    private static readonly Politeness Politeness = Politeness.From(Scheme.Texts);

    [Theory]
    [InlineData("tốt tốt", "tot")]
    [InlineData("tốt tốt ạ", "tot")]
    [InlineData("dạ khá khá", "kha")]
    [InlineData("khá tốt khá tốt", "kha")]
    [InlineData("rất là tốt", "tot")]
    [InlineData("bình thường bình thường", "trung-binh")]
    [InlineData("chọn tốt", "tot")] // said to be chosen, as the prompt's "gõ số" invites
    [InlineData("tôi chọn khá", "kha")]
    [InlineData("số 3", "trung-binh")]
    [InlineData("Chọn số 4", "yeu")]
    [InlineData("em chọn 2 ạ", "kha")]
    [InlineData("tôi chọn là tốt", "tot")]
    [InlineData("bác thấy là khá", "kha")]
    public void AnAnswerStressedOrSaidToBeChosen_IsTheAnswer(string typed, string code) =>
        Assert.Equal(code, ChoiceOptions.Match(Answers, TextNormalizer.Key(typed), Politeness)?.Code);

    [Theory]
    [InlineData("một", "tot")]
    [InlineData("Hai.", "kha")]
    [InlineData("số ba", "trung-binh")]
    [InlineData("tôi chọn bốn", "yeu")]
    [InlineData("dạ chọn ba ạ", "trung-binh")] // after "chọn", however it was typed
    [InlineData("bà", null)] // alone, with its diacritics only
    [InlineData("năm", null)] // there are four answers
    [InlineData("không", null)]
    [InlineData("một chút", null)]
    public void AnAnswersNumber_SaidInWords_IsThatAnswer(string typed, string? code) =>
        Assert.Equal(code, ChoiceOptions.MatchNumberWord(Answers, typed, TextNormalizer.Key(typed), Texts)?.Code);

    private static readonly BotTexts Texts = new(Scheme.Texts);

    [Theory]
    [InlineData("tốt, khá, tốt, tốt, tốt", true)]
    [InlineData("1 1 2 1 1", true)]
    [InlineData("tốt; không tốt", true)]
    [InlineData("Tốt\nKhá", true)]
    [InlineData("tốt", false)]
    [InlineData("1", false)]
    [InlineData("tốt, 7", false)] // a part that is no answer
    [InlineData("cán bộ tốt, nhiệt tình", false)]
    [InlineData("2 1 1 0,5 2", false)]
    public void SeveralAnswersInOneMessage_AreAList(string typed, bool list) =>
        Assert.Equal(list, ChoiceOptions.IsListOfAnswers(Answers, typed, Politeness));

    [Theory]
    [InlineData("cán bộ xã tuyên truyền rất tốt", "tot")]
    [InlineData("niêm yết không tốt, khó tìm", "yeu")]
    [InlineData("không tốt lắm", null)] // "tốt lắm" and "không tốt" are both there: not guessed at
    [InlineData("thái độ cán bộ bình thường, không có gì", "trung-binh")]
    [InlineData("lúc tốt lúc kém", null)]
    [InlineData("hôm nay trời mưa", null)]
    [InlineData("cho tôi ý b", null)]
    public void ASentence_NamesAtMostOneAnswer_ThePhraseInsideALongerOneNotCounted(string typed, string? code) =>
        Assert.Equal(code, ChoiceOptions.MatchInSentence(Answers, TextNormalizer.Key(typed))?.Code);

    [Theory]
    [InlineData("tốt tốt khá")]
    [InlineData("tốt khá")]
    [InlineData("rất là tuyệt vời")]
    public void WordsThatAreNotOneAnswerSaidTwice_AreNoAnswer(string typed) =>
        Assert.Null(ChoiceOptions.Match(Answers, TextNormalizer.Key(typed), Politeness));

    [Theory]
    [InlineData("cũng tốt", "tot")]
    [InlineData("dạ cũng tạm được ạ", "kha")]
    [InlineData("chắc là bình thường", "trung-binh")]
    [InlineData("có lẽ là yếu", "yeu")]
    [InlineData("cũng bình thường thôi", "trung-binh")]
    public void ASoftenedAnswer_IsFoundAfterItsHedge(string typed, string code)
    {
        var key = TextNormalizer.Key(typed);
        Assert.Null(ChoiceOptions.Match(Answers, key, Politeness));
        Assert.Equal(code, ChoiceOptions.MatchHedged(Answers, Dialog.Hedges, key, Politeness)?.Code);
    }

    [Theory]
    [InlineData("cũng")]
    [InlineData("chắc chắn")]
    [InlineData("cũng không biết")]
    public void AHedgeWithNoAnswerAfterIt_IsNoAnswer(string typed) =>
        Assert.Null(ChoiceOptions.MatchHedged(Answers, Dialog.Hedges, TextNormalizer.Key(typed), Politeness));
}
