using Bot.Dialogs;

namespace Bot.Tests;

/// <summary>The kinds of unit as dialogs/text/bot.vi.json lists them. No Redis, no host.</summary>
public sealed class UnitNamesTests
{
    private static readonly UnitNames UnitNames = UnitNames.From(Scoring.Loading.SchemeLoader.Load().Texts);

    [Theory]
    [InlineData("Xã Cẩm Vũ", "xã Cẩm Vũ")]
    [InlineData("Phường Tứ Minh", "phường Tứ Minh")]
    [InlineData("Thị trấn Lai Cách", "thị trấn Lai Cách")]
    [InlineData("Thị Trấn Kẻ Sặt", "thị trấn Kẻ Sặt")]
    [InlineData("Tỉnh Hải Dương", "tỉnh Hải Dương")]
    [InlineData("Thành phố Hải Dương", "thành phố Hải Dương")]
    [InlineData("Cẩm Vũ", "Cẩm Vũ")]
    [InlineData("Xãhội", "Xãhội")]
    public void InSentence_LowersTheKindOnly(string name, string expected) =>
        Assert.Equal(expected, UnitNames.InSentence(name));

    [Theory]
    [InlineData("Xã Cẩm Vũ", "xã")]
    [InlineData("Phường Tứ Minh", "phường")]
    [InlineData("Thị trấn Lai Cách", "thị trấn")]
    [InlineData("Cẩm Vũ", "xã")]
    [InlineData("Tỉnh Hải Dương", "xã")]
    public void Kind_IsTheUnitsOwnInLowerCase(string name, string expected) =>
        Assert.Equal(expected, UnitNames.Kind(name));

    [Theory]
    [InlineData("{c} chưa nộp.", "Xã Cẩm Vũ chưa nộp.")]
    [InlineData("Bảng điểm {c} năm 2026", "Bảng điểm xã Cẩm Vũ năm 2026")]
    [InlineData("Tiêu đề\n{c}: 80 điểm; {c} đạt", "Tiêu đề\nXã Cẩm Vũ: 80 điểm; xã Cẩm Vũ đạt")]
    [InlineData("Tiến độ:\n• {c}: 1/3", "Tiến độ:\n• Xã Cẩm Vũ: 1/3")]
    [InlineData("Xếp hạng:\n12. {c}: 80 điểm", "Xếp hạng:\n12. Xã Cẩm Vũ: 80 điểm")]
    [InlineData("{rank}. {c}: 80 điểm", "{rank}. Xã Cẩm Vũ: 80 điểm")]
    [InlineData("Không có tên", "Không có tên")]
    public void FillIn_KeepsTheNameWhereItBeginsTheTextOrALine_AndLowersTheKindElsewhere(string text, string expected) =>
        Assert.Equal(expected, UnitNames.FillIn(text, "{c}", "Xã Cẩm Vũ"));

    [Fact]
    public void TheKindsAreTheOnesGiven_TheFirstCommuneKindBeingTheDefault()
    {
        var names = new UnitNames("Phường|Xã", "Thành phố");

        Assert.Equal("phường", names.Kind("Cẩm Vũ"));
        Assert.Equal("thành phố Huế", names.InSentence("Thành phố Huế"));
        Assert.Equal("Tỉnh Hải Dương", names.InSentence("Tỉnh Hải Dương"));
    }
}
