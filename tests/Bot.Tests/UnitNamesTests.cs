using Bot.Dialogs;

namespace Bot.Tests;

public sealed class UnitNamesTests
{
    [Theory]
    [InlineData("Xã Cẩm Vũ", "xã Cẩm Vũ")]
    [InlineData("Phường Tứ Minh", "phường Tứ Minh")]
    [InlineData("Thị trấn Lai Cách", "thị trấn Lai Cách")]
    [InlineData("Thị Trấn Kẻ Sặt", "thị trấn Kẻ Sặt")]
    [InlineData("Cẩm Vũ", "Cẩm Vũ")]
    [InlineData("Xãhội", "Xãhội")]
    public void InSentence_LowersTheKindOnly(string name, string expected) =>
        Assert.Equal(expected, UnitNames.InSentence(name));

    [Theory]
    [InlineData("Xã Cẩm Vũ", "xã")]
    [InlineData("Phường Tứ Minh", "phường")]
    [InlineData("Thị trấn Lai Cách", "thị trấn")]
    [InlineData("Cẩm Vũ", "xã")]
    public void Kind_IsTheUnitsOwnInLowerCase(string name, string expected) =>
        Assert.Equal(expected, UnitNames.Kind(name));
}
