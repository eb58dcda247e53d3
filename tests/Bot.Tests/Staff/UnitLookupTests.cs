using Bot.Dialogs;
using Bot.Staff;

namespace Bot.Tests.Staff;

/// <summary>The year after a summary's unit: "điểm năm 2025" is this commune's 2025, not a unit called "năm"; "năm ngoái" is counted from this year.</summary>
public sealed class UnitLookupTests
{
    private static readonly StaffTexts Texts = new(new BotTexts(Scoring.Loading.SchemeLoader.Load().Texts));

    [Theory]
    [InlineData("Hải Dương 2025", "Hải Dương", 2025)]
    [InlineData("năm 2025", "", 2025)]
    [InlineData("Cẩm Vũ nam 2025", "Cẩm Vũ", 2025)]
    [InlineData("Cẩm Vũ", "Cẩm Vũ", null)]
    [InlineData("2025", "", 2025)]
    [InlineData("năm ngoái", "", 2025)]
    [InlineData("Hải Dương nam ngoai", "Hải Dương", 2025)]
    [InlineData("Cẩm Vũ năm vừa rồi", "Cẩm Vũ", 2025)]
    [InlineData("năm nay", "", 2026)]
    [InlineData("Cẩm Vũ năm sau", "Cẩm Vũ", 2027)]
    [InlineData("Năm Câu", "Năm Câu", null)]
    public void SplitYear_TakesTheYear_NamedOrCounted(string typed, string unit, int? year) =>
        Assert.Equal((unit, year), UnitLookup.SplitYear(typed, Texts, 2026));
}
