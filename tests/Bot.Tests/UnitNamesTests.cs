using Bot.Dialogs;

namespace Bot.Tests;

public sealed class UnitNamesTests
{
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
    [InlineData("Không có tên", "Không có tên")]
    public void FillIn_KeepsTheNameWhereItBeginsTheTextOrALine_AndLowersTheKindElsewhere(string text, string expected) =>
        Assert.Equal(expected, UnitNames.FillIn(text, "{c}", "Xã Cẩm Vũ"));
}

public sealed class UnitTreeShownNamesTests
{
    [Fact]
    public void ANameKeptWithControlCharacters_IsShownWithout_AndOneLeftEmptyByItsId()
    {
        var tree = new Bot.Units.UnitTree(
        [
            new ScoringCore.Contracts.UnitDto("hd", "Tỉnh Hải Dương", "province", null),
            new ScoringCore.Contracts.UnitDto("cam-vu", "Xã Cẩm\u0000 Vũ\u0007", "commune", "hd"),
            new ScoringCore.Contracts.UnitDto("fz-x", "\u0000", "commune", "hd"),
        ]);

        Assert.Equal("Xã Cẩm Vũ", tree.NameOf("cam-vu"));
        Assert.Equal(["Xã Cẩm Vũ", "fz-x"], tree.Communes.Select(c => c.Name));
        Assert.Equal("Tỉnh Hải Dương", tree.NameOf("hd"));
    }
}
