using Bot.Dialogs;
using Bot.Staff;
using Scoring.Loading;
using Scoring.Rules;

namespace Bot.Tests.Staff;

/// <summary>The items that lost most points, as staff and appraisers read them (no I/O).</summary>
public sealed class LostItemsTests
{
    private static readonly StaffTexts Texts = new(new BotTexts(SchemeLoader.Load().Texts));

    [Fact]
    public void EachItem_IsALine_WithItsTitleAndThePointsLost()
    {
        var text = Texts.LostItems([new LostPoints("3.4", "Thực hiện “4 xin, 4 luôn, 2 không”", 4m), new LostPoints("1.2.a", "Công khai", 0.5m)]);

        Assert.Equal("\n• 3.4 Thực hiện “4 xin, 4 luôn, 2 không” (−4)\n• 1.2.a Công khai (−0,5)", text);
    }

    [Fact]
    public void AVeryLongTitle_IsCutAtAWord()
    {
        var title = "Công tác tổ chức Hội nghị tiếp xúc, đối thoại của người đứng đầu cấp ủy đảng, chính quyền cấp xã với nhân dân trên địa bàn";

        var line = Texts.LostItems([new LostPoints("2.4.e.1", title, 2m)]);

        Assert.Equal("\n• 2.4.e.1 Công tác tổ chức Hội nghị tiếp xúc, đối thoại của người đứng đầu cấp ủy đảng, chính quyền… (−2)", line);
    }
}
