using Bot.Staff.Results;

namespace Bot.Tests.Results;

public sealed class DecisionLineTests
{
    private static readonly Bot.Staff.StaffTexts Texts = new(new Bot.Dialogs.BotTexts(Scoring.Loading.SchemeLoader.Load().Texts));

    [Theory]
    [InlineData("Cẩm Vũ 16/QĐ-UBND 15/01/2027", "Cẩm Vũ", "16/QĐ-UBND", "2027-01-15", null, "")]
    [InlineData("xã Cẩm Vũ theo quyết định số 16/QĐ-UBND ngày 15/1/2027", "xã Cẩm Vũ", "16/QĐ-UBND", "2027-01-15", null, "")]
    [InlineData("Cẩm Vũ 16/QĐ-UBND 15/01/2027 năm 2026", "Cẩm Vũ", "16/QĐ-UBND", "2027-01-15", 2026, "")]
    [InlineData("Cẩm Vũ 20/QĐ-UBND phát hiện vi phạm kỷ luật", "Cẩm Vũ", "20/QĐ-UBND", null, null, "phát hiện vi phạm kỷ luật")]
    [InlineData("Cẩm Vũ 20/QĐ-UBND 10/03/2027: vi phạm", "Cẩm Vũ", "20/QĐ-UBND", "2027-03-10", null, "vi phạm")]
    [InlineData("Cẩm Vũ", "Cẩm Vũ", null, null, null, "")]
    [InlineData("Cẩm Vũ 15/01/2027", "Cẩm Vũ 15/01/2027", null, null, null, "")]
    [InlineData("Cẩm Vũ 16/QĐ-UBND 31/02/2027", "Cẩm Vũ", "16/QĐ-UBND", null, null, "31/02/2027")]
    [InlineData("xa Cam Vu theo quyet dinh so 16/QD-UBND ngay 15/1/2027 nam 2026", "xa Cam Vu", "16/QD-UBND", "2027-01-15", 2026, "")]
    [InlineData("Yên Định 16/QĐ-UBND 15/01/2027", "Yên Định", "16/QĐ-UBND", "2027-01-15", null, "")]
    [InlineData("xã Yên Định theo QĐ số 16/QĐ-UBND ngày 15/01/2027", "xã Yên Định", "16/QĐ-UBND", "2027-01-15", null, "")]
    public void Parse_ReadsCommuneDecisionDayYearAndReason(string text, string commune, string? decision, string? day, int? year, string rest)
    {
        var line = DecisionLine.Parse(text, Texts);

        Assert.Equal(commune, line.Commune);
        Assert.Equal(decision, line.Decision);
        Assert.Equal(day, line.DecidedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(year, line.Year);
        Assert.Equal(rest, line.Rest);
    }
}
