using Bot.Staff.Results;

namespace Bot.Tests.Results;

public sealed class DecisionLineTests
{
    [Theory]
    [InlineData("Cẩm Vũ 16/QĐ-UBND 15/01/2027", "Cẩm Vũ", "16/QĐ-UBND", "2027-01-15", null, "")]
    [InlineData("xã Cẩm Vũ theo quyết định số 16/QĐ-UBND ngày 15/1/2027", "xã Cẩm Vũ", "16/QĐ-UBND", "2027-01-15", null, "")]
    [InlineData("Cẩm Vũ 16/QĐ-UBND 15/01/2027 năm 2026", "Cẩm Vũ", "16/QĐ-UBND", "2027-01-15", 2026, "")]
    [InlineData("Cẩm Vũ 20/QĐ-UBND phát hiện vi phạm kỷ luật", "Cẩm Vũ", "20/QĐ-UBND", null, null, "phát hiện vi phạm kỷ luật")]
    [InlineData("Cẩm Vũ 20/QĐ-UBND 10/03/2027: vi phạm", "Cẩm Vũ", "20/QĐ-UBND", "2027-03-10", null, "vi phạm")]
    [InlineData("Cẩm Vũ", "Cẩm Vũ", null, null, null, "")]
    [InlineData("Cẩm Vũ 15/01/2027", "Cẩm Vũ 15/01/2027", null, null, null, "")]
    [InlineData("Cẩm Vũ 16/QĐ-UBND 31/02/2027", "Cẩm Vũ", "16/QĐ-UBND", null, null, "31/02/2027")]
    public void Parse_ReadsCommuneDecisionDayYearAndReason(string text, string commune, string? decision, string? day, int? year, string rest)
    {
        var line = DecisionLine.Parse(text);

        Assert.Equal(commune, line.Commune);
        Assert.Equal(decision, line.Decision);
        Assert.Equal(day, line.DecidedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(year, line.Year);
        Assert.Equal(rest, line.Rest);
    }
}
