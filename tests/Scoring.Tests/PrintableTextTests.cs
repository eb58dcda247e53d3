using Scoring.Text;

namespace Scoring.Tests;

public sealed class PrintableTextTests
{
    [Theory]
    [InlineData("Xã Cẩm Vũ", false, null)]
    [InlineData("Người dân 👍 hài lòng", false, null)]
    [InlineData("Biên bản\nsố 3\tngày 2/12", true, null)]
    [InlineData("Biên bản\nsố 3", false, '\n')]
    [InlineData("Tỉnh\tHải Dương", false, '\t')]
    [InlineData("\u0000", true, '\u0000')]
    [InlineData("Xã\u001bA", true, '\u001b')]
    [InlineData("Xã\u007f", true, '\u007f')]
    [InlineData("Xã\u0085", true, '\u0085')]
    [InlineData("Xã\uffff", true, '\uffff')]
    public void FirstUnprintable_FindsWhatXmlAndOneLineTextsCannotHold(string text, bool lines, char? expected)
    {
        Assert.Equal(expected, PrintableText.FirstUnprintable(text, lines));
    }

    [Fact]
    public void FirstUnprintable_FindsAHalfOfAnEmoji()
    {
        // Not in InlineData: an attribute cannot carry half a surrogate pair (the compiler writes U+FFFD).
        Assert.Equal('\ud83d', PrintableText.FirstUnprintable("Xã\ud83d", lines: true));
        Assert.Equal('\ude00', PrintableText.FirstUnprintable("\ude00Xã", lines: true));
    }

    [Fact]
    public void Strip_KeepsLettersEmojiAndAllowedBreaks_AndReturnsCleanTextAsItIs()
    {
        const string clean = "Cán bộ \u201cthân thiện\u201d 👍\nTốt";

        Assert.Same(clean, PrintableText.Strip(clean, lines: true));
        Assert.Equal("Cán bộ thân thiện 👍\nTốt", PrintableText.Strip("Cán\u0000 bộ thân\u0007 thiện 👍\nTốt\ud800", lines: true));
        Assert.Equal("Chủ tịchUBND", PrintableText.Strip("Chủ tịch\nUBND", lines: false));
    }
}
