using Bot.Dialogs;
using Bot.Staff;
using Bot.Staff.Dialogs;
using Scoring.Loading;

namespace Bot.Tests.Staff;

/// <summary>How a score typed in self-scoring or appraisal is read, with its note (no I/O).</summary>
public sealed class ReadScoreTests
{
    private static readonly RubricWalk Walk = NewWalk();

    private static RubricWalk NewWalk()
    {
        var scheme = SchemeLoader.Load();
        return new RubricWalk(scheme.Rubric, new StaffTexts(new BotTexts(scheme.Texts)));
    }

    [Theory]
    [InlineData("1", "1", null)]
    [InlineData("0,5", "0.5", null)]
    [InlineData("0.5 điểm", "0.5", null)]
    [InlineData("1đ", "1", null)]
    [InlineData("1 - Biên bản số 12", "1", "Biên bản số 12")]
    [InlineData("0,5: thiếu biên bản", "0.5", "thiếu biên bản")]
    [InlineData("0,5 không có biên bản", "0.5", "không có biên bản")]
    [InlineData("1 điểm Biên bản số 3", "1", "Biên bản số 3")]
    [InlineData("1 điểm ạ", "1", null)] // a particle is no evidence
    [InlineData("dạ, chấm 1 ạ", "1", null)]
    [InlineData("được 0,5 điểm nhé", "0.5", null)]
    [InlineData("xã tự chấm 1 - Biên bản số 2", "1", "Biên bản số 2")]
    [InlineData("một điểm", "1", null)] // said in words, as a phone's voice typing writes it
    [InlineData("Một", "1", null)]
    [InlineData("nửa điểm", "0.5", null)]
    [InlineData("một nửa", "0.5", null)]
    [InlineData("không điểm", "0", null)]
    [InlineData("hai điểm rưỡi", "2.5", null)]
    [InlineData("một rưỡi", "1.5", null)]
    [InlineData("không phẩy năm", "0.5", null)]
    [InlineData("bẩy điểm", "7", null)]
    [InlineData("dạ chấm ba điểm ạ", "3", null)]
    [InlineData("hai ạ", "2", null)]
    [InlineData("một - Biên bản số 3", "1", "Biên bản số 3")]
    [InlineData("một điểm vì thiếu biên bản", "1", "vì thiếu biên bản")]
    public void AScore_AndTheNoteAfterIt_AreRead(string typed, string score, string? note)
    {
        var read = Walk.ReadScore(typed);

        Assert.Equal((decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), note), read);
    }

    [Theory]
    [InlineData("đồng ý")]
    [InlineData("2 1 1 0,5 2")]
    [InlineData("mục 4.3.b")]
    [InlineData("1,5,2")]
    [InlineData("dạ")]
    [InlineData("chấm xong rồi")]
    [InlineData("không")] // a no, not 0
    [InlineData("một biên bản họp thôn")] // evidence that begins with a number word
    [InlineData("năm nay chưa làm")]
    [InlineData("chấm sau")] // "later", not "sáu"
    public void WhatIsNotAScore_IsNotRead(string typed) => Assert.Null(Walk.ReadScore(typed));
}
