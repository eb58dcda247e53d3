using Bot.Units;

namespace Bot.Tests;

/// <summary>A commune named as typed, and one mentioned in a citizen's sentence.</summary>
public sealed class CommuneNameMatcherTests
{
    private static readonly Commune[] Communes =
        [new("cam-vu", "Xã Cẩm Vũ"), new("cam-vu-bac", "Xã Cẩm Vũ Bắc"), new("tu-minh", "Phường Tứ Minh"), new("an", "Xã An")];

    [Theory]
    [InlineData("tôi vừa làm thủ tục ở xã Cẩm Vũ ạ", "cam-vu")]
    [InlineData("cam vu a", "cam-vu")]
    [InlineData("Ở UBND phường Tứ Minh.", "tu-minh")]
    [InlineData("làm thủ tục ở Cẩm Vũ Bắc", "cam-vu-bac")]
    public void MentionedIn_ASentence_FindsTheName_NotOneInsideIt(string sentence, string expected) =>
        Assert.Equal([expected], CommuneNameMatcher.MentionedIn(Communes, sentence).Select(c => c.Id));

    [Theory]
    [InlineData("tôi vừa làm giấy khai sinh cho cháu nội")]
    [InlineData("an toàn")] // a name of one short syllable could be any word
    [InlineData("cẩm")]
    public void MentionedIn_NoWholeName_FindsNothing(string sentence) =>
        Assert.Empty(CommuneNameMatcher.MentionedIn(Communes, sentence));

    [Fact]
    public void MentionedIn_TwoCommunes_OffersBoth() =>
        Assert.Equal(["cam-vu", "tu-minh"], CommuneNameMatcher.MentionedIn(Communes, "nhà ở Tứ Minh, làm thủ tục ở Cẩm Vũ").Select(c => c.Id));

    [Fact]
    public void Match_TypedPartOfAName_OffersEach()
    {
        Assert.Equal(["cam-vu"], CommuneNameMatcher.Match(Communes, "cam vu").Select(c => c.Id));
        Assert.Equal(["cam-vu", "cam-vu-bac"], CommuneNameMatcher.Match(Communes, "cẩm").Select(c => c.Id).Order());
    }

    [Fact]
    public void Match_AProvinceAndItsCityOfOneName_OffersBoth_UnlessTheKindIsTyped()
    {
        Commune[] units = [new("hd", "Tỉnh Hải Dương"), new("tp-hd", "Thành phố Hải Dương"), new("cg", "Huyện Cẩm Giàng"), new("kt", "Thị xã Kinh Môn")];

        Assert.Equal(["hd", "tp-hd"], CommuneNameMatcher.Match(units, "Hải Dương").Select(c => c.Id).Order());
        Assert.Equal(["hd"], CommuneNameMatcher.Match(units, "tỉnh Hải Dương").Select(c => c.Id));
        Assert.Equal(["tp-hd"], CommuneNameMatcher.Match(units, "tp hai duong").Select(c => c.Id));
        Assert.Equal(["cg"], CommuneNameMatcher.Match(units, "Cẩm Giàng").Select(c => c.Id));
        Assert.Equal(["kt"], CommuneNameMatcher.Match(units, "kinh mon").Select(c => c.Id));
    }
}
