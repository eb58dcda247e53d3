using System.Text;
using Bot.Dialogs;

namespace Bot.Tests;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Tốt", "tot")]
    [InlineData("  TRUNG   BÌNH! ", "trung binh")]
    [InlineData("Đồng ý", "dong y")]
    [InlineData("huỷ", "huy")]
    [InlineData("hủy", "huy")]
    [InlineData("Sửa 2", "sua 2")]
    public void Key_DropsDiacriticsCaseAndPunctuation(string text, string key)
    {
        Assert.Equal(key, TextNormalizer.Key(text));
    }

    [Theory]
    [InlineData("👍", "ok")]
    [InlineData("👍🏻👍🏻", "ok")]
    [InlineData(" 👌! ", "ok")]
    [InlineData("✔️", "ok")]
    [InlineData("tốt 👍", "tot")]
    [InlineData("😀", "")]
    [InlineData("👍😀", "")]
    public void Key_OfAThumbsUpAlone_IsOk_AndOtherwiseTheEmojiIsDropped(string text, string key)
    {
        Assert.Equal(key, TextNormalizer.Key(text));
    }

    [Fact]
    public void Nfc_ComposesDecomposedVietnamese()
    {
        var decomposed = "Tốt".Normalize(NormalizationForm.FormD);

        Assert.NotEqual("Tốt", decomposed);
        Assert.Equal("Tốt", TextNormalizer.Nfc(decomposed));
    }

    [Theory]
    [InlineData("toi lam thu tuc o cam vu a", "cam vu", true)]
    [InlineData("cam vu", "cam vu", true)]
    [InlineData("phieu nay de lam gi?", "lam gi", true)]
    [InlineData("cam vui lam", "cam vu", false)]
    [InlineData("xa tam cam vu", "am cam", false)]
    [InlineData("cam vu", "", false)]
    public void ContainsWords_OnlyAsWholeWords(string key, string words, bool contains) =>
        Assert.Equal(contains, TextNormalizer.ContainsWords(key, words));
}
