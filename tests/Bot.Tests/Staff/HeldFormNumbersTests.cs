using Bot.Staff.Surveys;

namespace Bot.Tests.Staff;

/// <summary>Which held forms a decision names, and its reason (no I/O).</summary>
public sealed class HeldFormNumbersTests
{
    [Theory]
    [InlineData("2 gọi điện xác minh", "2", "gọi điện xác minh")]
    [InlineData("1,3 máy của xã", "1,3", "máy của xã")]
    [InlineData("2-4 máy của xã", "2,3,4", "máy của xã")]
    [InlineData("1, 3–5 máy của xã", "1,3,4,5", "máy của xã")]
    [InlineData("1 ,2 lý do", "1,2", "lý do")]
    [InlineData("5-5,1,1 lý do", "1,5", "lý do")]
    [InlineData("3", "3", "")]
    // A reason that begins with a number is still the reason.
    [InlineData("1 2 người cùng một nhà", "1", "2 người cùng một nhà")]
    public void Read_NumbersThenReason_AreSplit(string rest, string numbers, string reason)
    {
        var read = HeldFormNumbers.Read(rest, count: 5);

        Assert.NotNull(read);
        Assert.Equal(numbers, string.Join(',', read.Value.Numbers));
        Assert.Equal(reason, read.Value.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lý do")]
    [InlineData("0 lý do")]
    [InlineData("6 lý do")]
    [InlineData("4-6 lý do")]
    [InlineData("3-1 lý do")]
    [InlineData("1-2-3 lý do")]
    [InlineData(", lý do")]
    [InlineData("99999999999 lý do")]
    public void Read_NumbersOutsideTheList_AreRefused(string rest) =>
        Assert.Null(HeldFormNumbers.Read(rest, count: 5));
}
