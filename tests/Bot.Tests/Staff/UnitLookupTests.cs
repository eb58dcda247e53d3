using Bot.Staff;

namespace Bot.Tests.Staff;

/// <summary>The year after a summary's unit: "điểm năm 2025" is this commune's 2025, not a unit called "năm".</summary>
public sealed class UnitLookupTests
{
    [Theory]
    [InlineData("Hải Dương 2025", "Hải Dương", 2025)]
    [InlineData("năm 2025", "", 2025)]
    [InlineData("Cẩm Vũ nam 2025", "Cẩm Vũ", 2025)]
    [InlineData("Cẩm Vũ", "Cẩm Vũ", null)]
    [InlineData("2025", "", 2025)]
    public void SplitYear_TakesTheYear_AndTheWordYearBeforeIt(string typed, string unit, int? year) =>
        Assert.Equal((unit, year), UnitLookup.SplitYear(typed));
}
