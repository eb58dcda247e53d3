using Bot.Dialogs;

namespace Bot.Tests;

/// <summary>The particles as dialogs/text/bot.vi.json lists them. No Redis, no host.</summary>
public sealed class PolitenessTests
{
    internal static readonly Politeness Politeness = Politeness.From(Scoring.Loading.SchemeLoader.Load().Texts);

    [Theory]
    [InlineData("dạ tốt", "tot")]
    [InlineData("tốt ạ", "tot")]
    [InlineData("vâng, khá ạ", "kha")]
    [InlineData("thưa, bình thường", "binh thuong")]
    [InlineData("Dạ vâng, trung bình ạ nhé!", "trung binh")]
    [InlineData("ừ, yếu", "yeu")]
    [InlineData("Thưa ông, rất tốt ạ", "rat tot")]
    [InlineData("dạ dạ tốt ạ ạ", "tot")]
    [InlineData("khá lắm", "kha")]
    [InlineData("dạ, tốt quá ạ", "tot")]
    [InlineData("yếu lắm rồi", "yeu")]
    [InlineData("vâng ạ", "vang")] // a yes on its own: the particle after it comes off, not the yes
    [InlineData("dạ vâng ạ", "vang")]
    [InlineData("ừ nhé", "u")]
    [InlineData("tốt cháu ạ", "tot")]
    [InlineData("khá con ạ", "kha")]
    [InlineData("Cháu ơi, trung bình", "trung binh")]
    [InlineData("bác thấy bình thường", "binh thuong")]
    [InlineData("Tôi thấy yếu em ạ", "yeu")]
    [InlineData("bình thường thôi", "binh thuong")]
    [InlineData("dạ, khá thôi ạ", "kha")]
    public void Strip_ParticlesAroundAnAnswer_LeavesTheAnswer(string typed, string expected) =>
        Assert.Equal(expected, Politeness.Strip(TextNormalizer.Key(typed)));

    [Theory]
    [InlineData("a")]
    [InlineData("dạ")]
    [InlineData("Thôn Vàng")]
    [InlineData("cháu")]
    [InlineData("em")]
    [InlineData("thôi")]
    [InlineData("chọn")]
    [InlineData("số")]
    public void Strip_AParticleOnItsOwnOrAPlainName_IsLeftAlone(string typed) =>
        Assert.Equal(TextNormalizer.Key(typed), Politeness.Strip(TextNormalizer.Key(typed)));

    [Fact]
    public void Strip_TakesOffTheParticlesItWasGiven_LongestFirst_WhateverTheirOrder()
    {
        // A province adding its own way of speaking edits dialogs/, in any order: "thưa cô" must go before "thưa".
        var local = new Politeness("thưa|thưa cô", "ạ|ạ nhé");

        Assert.Equal("kha", local.Strip(TextNormalizer.Key("Thưa cô, khá ạ nhé")));
        Assert.Equal(TextNormalizer.Key("cháu ơi tốt"), local.Strip(TextNormalizer.Key("cháu ơi tốt")));
    }
}

public sealed class WordListTests
{
    private static readonly WordList Cancel = new("hủy|huỷ|hủy bỏ|thôi|dừng|dừng lại|cancel", PolitenessTests.Politeness);
    private static readonly BotTexts Texts = new(Scoring.Loading.SchemeLoader.Load().Texts);

    [Theory]
    [InlineData("dừng", true)]
    [InlineData("Dừng lại!", true)]
    [InlineData("dung", true)] // without diacritics it can only be read as the command
    [InlineData("dạ, hủy ạ", true)]
    [InlineData("đúng", false)] // "right", whose key is the same as "dừng"
    [InlineData("dạ đúng", false)]
    [InlineData("tốt", false)]
    [InlineData("thôi", true)] // "thôi" after an answer is "just"; alone it still stops
    [InlineData("tốt thôi", false)]
    public void MatchesTyped_TakesDiacriticsIntoAccountWhenTyped(string typed, bool expected) =>
        Assert.Equal(expected, Cancel.MatchesTyped(typed));

    [Theory]
    [InlineData("vâng, cảm ơn cháu", "vang")]
    [InlineData("không, cảm ơn ạ", "khong")]
    [InlineData("đúng rồi, ok cảm ơn", "dung roi")]
    [InlineData("cảm ơn", "cam on")] // a thank-you alone is left as it is
    [InlineData("tốt", "tot")]
    public void WithoutThanks_LeavesTheYesOrNoSaidBeforeIt(string typed, string expected) =>
        Assert.Equal(expected, Texts.WithoutThanks(TextNormalizer.Key(typed)));

    [Theory]
    [InlineData("trợ giúp", true)]
    [InlineData("giúp tôi với", true)]
    [InlineData("cháu ơi giúp bác với", true)]
    [InlineData("làm sao?", true)]
    [InlineData("làm thế nào ?", true)]
    [InlineData("?", true)]
    [InlineData("??", false)]
    [InlineData("tốt?", false)]
    [InlineData("giúp tôi tìm xã Cẩm Vũ", false)] // a sentence that asks for something else
    public void AsksHelp_HelpInPeoplesOwnWords_WithOrWithoutAQuestionMark(string typed, bool expected) =>
        Assert.Equal(expected, Texts.AsksHelp(typed));

    [Theory]
    [InlineData("tôi không biết", true)]
    [InlineData("bác không nhớ tên xã ạ", true)]
    [InlineData("không biết?", true)]
    [InlineData("tôi không biếtgì", false)] // whole words only
    [InlineData("không tốt", false)]
    public void Within_FindsOneOfTheWordsAnywhereAsWholeWords(string typed, bool expected) =>
        Assert.Equal(expected, Texts.DontKnow.Within(TextNormalizer.Key(typed)));

    [Theory]
    [InlineData("sửa câu 3", true)]
    [InlineData("sua cau 3", true)] // without diacritics it can be the word
    [InlineData("Đội 3", false)] // an address: typed with diacritics, and "câu" is not in it
    [InlineData("cầu 3", false)]
    public void WrittenIn_AWordTypedWithDiacritics_MustBeThereAsWritten(string typed, bool expected) =>
        Assert.Equal(expected, Texts.Question.WrittenIn(typed));
}
