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
}
