using Bot.People;

namespace Bot.Tests.Staff;

/// <summary>Every staff and official command against every role: allowed ones run, the rest get the same polite refusal.</summary>
[Collection(RedisTests.Name)]
public sealed class RoleMatrixTests(RedisServer redis) : BotTestBase(redis)
{
    private const string Refused = "chưa có quyền";

    // Command → roles that may use it on Xã Cẩm Vũ (c = citizen, s = staff of Cẩm Vũ, o = staff of another commune, a = appraiser, m = admin).
    public static TheoryData<string, string> Matrix => new()
    {
        { "tạo mã cán bộ xã Cẩm Vũ", "am" },
        { "danh sách đăng ký", "am" },
        { "thu hồi 0123abcd", "am" },
        { "thêm kênh", "soam" },
        { "tự chấm điểm", "so" },
        { "thẩm định Cẩm Vũ", "am" },
        { "không xét Cẩm Vũ", "am" },
        { "bỏ không xét Cẩm Vũ", "am" },
        { "điểm Cẩm Vũ", "soam" },
        { "tổng hợp", "am" },
        { "xếp hạng", "am" },
        { "xuất báo cáo", "am" },
        { "tôi là ai", "csoam" },
        { "mời khảo sát 000.00.25.H23-241126-0009", "so" },
        { "mời cán bộ thôn Cẩm Vũ", "am" },
        { "danh sách cán bộ thôn Cẩm Vũ", "am" },
        { "tiến độ khảo sát", "am" },
        { "mở khảo sát Cẩm Vũ mục tiêu 40", "am" },
        { "đóng khảo sát Cẩm Vũ", "am" },
        { "nhập phiếu giấy Cẩm Vũ", "am" },
        { "phiếu chờ xét Cẩm Vũ", "am" },
        { "tính phiếu 1 đã xác minh", "am" },
        { "loại phiếu 1 trùng máy", "am" },
        { "kiểm tra hồ sơ Cẩm Vũ 000.00.25.H23-241126-0009", "am" },
        { "phiếu xã tự mời Cẩm Vũ", "am" },
        // A citizen's "góp ý" is not refused: it is the survey's, which asks for the commune (FormCommentsTests).
        { "góp ý Cẩm Vũ", "csoam" },
        { "công nhận Cẩm Vũ", "am" },
        { "thu hồi công nhận Cẩm Vũ 20/QĐ-UBND vi phạm", "am" },
        { "lịch sử Cẩm Vũ", "am" },
    };

    [Fact]
    public async Task EveryCommand_AgainstEveryRole()
    {
        var people = new Dictionary<char, Conversation>
        {
            ['c'] = Bot.Conversation(),
            ['s'] = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu"),
            ['o'] = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-binh"),
            ['a'] = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd"),
            ['m'] = await StaffPeople.EnrolledAsync(Bot, StaffRole.Admin, "hd"),
        };
        var wrong = new List<string>();
        foreach (var (command, allowed) in Matrix.Select(row => ((string)row[0], (string)row[1])))
        {
            foreach (var (role, conversation) in people)
            {
                var replies = await conversation.SayAsync(command);
                var text = Conversation.Texts(replies);
                var refused = text.Contains(Refused, StringComparison.Ordinal);
                if (refused == allowed.Contains(role))
                {
                    wrong.Add($"{role} “{command}”: {(refused ? "refused" : "allowed")}: {text}");
                }
                // Leave any dialog the command began, so the next command starts clean.
                await conversation.SayAsync("dừng");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task SomeoneEnrolledInAnotherRole_IsToldWhoTheCommandIsFor_AndWhatTheyAreEnrolledAs()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        var inviteCadre = await staff.SayAsync("mời cán bộ thôn Cẩm Vũ");
        var selfScore = await appraiser.SayAsync("tự chấm điểm");
        var stranger = await Bot.Conversation().SayAsync("mời cán bộ thôn Cẩm Vũ");

        Assert.Equal("Xin lỗi, Anh/Chị chưa có quyền dùng chức năng này: chức năng dành cho cán bộ thẩm định hoặc quản trị viên. "
            + "Anh/Chị đang đăng ký là cán bộ, công chức của xã Cẩm Vũ.", inviteCadre.Single().Text);
        Assert.StartsWith("Xin lỗi, Anh/Chị chưa có quyền dùng chức năng này: chức năng dành cho cán bộ, công chức. Anh/Chị đang đăng ký là cán bộ thẩm định của ",
            selfScore.Single().Text, StringComparison.Ordinal);
        // Someone not enrolled is told how to enrol, as before.
        Assert.Contains("xin nhận mã đăng ký từ cấp thẩm định", stranger.Single().Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("thẩm định", "thẩm định")]
    [InlineData("không xét", "không xét")]
    [InlineData("bỏ không xét", "bỏ không xét")]
    [InlineData("nhập phiếu giấy", "nhập phiếu giấy")]
    [InlineData("nhập phiếu giấy cán bộ", "nhập phiếu giấy")]
    [InlineData("mời cán bộ thôn", "mời cán bộ thôn")]
    [InlineData("danh sách cán bộ thôn", "danh sách cán bộ thôn")]
    [InlineData("phiếu xã tự mời", "phiếu xã tự mời")]
    [InlineData("điểm", "điểm")]
    public async Task ACommandThatNeedsACommune_TypedWithoutOne_SaysHowToNameIt(string typed, string command)
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        var replies = await appraiser.SayAsync(typed);

        Assert.Equal($"Xin Anh/Chị gõ kèm tên xã, phường (ví dụ: “{command} Cẩm Vũ”).", replies.Single().Text);
    }

    [Fact]
    public async Task StaffAskingAboutAnotherCommune_LearnNothing_NotEvenWhetherItExists()
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-binh");

        var existing = (await staff.SayAsync("điểm Cẩm Vũ")).Single().Text!;
        var missing = (await staff.SayAsync("điểm Cẩm Zzz")).Single().Text!;
        var own = await staff.SayAsync("điểm");

        Assert.Equal(existing.Replace("“Cẩm Vũ”", "“X”", StringComparison.Ordinal), missing.Replace("“Cẩm Zzz”", "“X”", StringComparison.Ordinal));
        Assert.DoesNotContain("Bảng điểm", existing);
        Assert.Contains("Bảng điểm xã Cẩm Bình", own[0].Text);
    }

    [Fact]
    public async Task AppraiserOfADistrict_CannotReachCommunesOfAnother()
    {
        var api = Core.Api();
        (await api.PutAsync("/api/v1/units", System.Net.Http.Json.JsonContent.Create(new object[]
        {
            new { id = "hd-d1", name = "Huyện Một", kind = "district", parentId = "hd" },
            new { id = "hd-d2", name = "Huyện Hai", kind = "district", parentId = "hd" },
            new { id = "d1-x", name = "Xã An Một", kind = "commune", parentId = "hd-d1" },
            new { id = "d2-x", name = "Xã An Hai", kind = "commune", parentId = "hd-d2" },
        }))).EnsureSuccessStatusCode();
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd-d1");

        var inside = await appraiser.SayAsync("điểm An Một");
        var outside = await appraiser.SayAsync("điểm An Hai");
        var rollupOutside = await appraiser.SayAsync("tổng hợp Huyện Hai");

        Assert.Contains("Bảng điểm xã An Một", inside[0].Text);
        Assert.Contains("không tìm thấy đơn vị “An Hai” trong phạm vi", outside.Single().Text);
        // The whole command is to be typed again: no question is pending that a bare name would answer.
        Assert.EndsWith("gõ lại cả lệnh với tên đúng (có dấu hoặc không dấu đều được), ví dụ: “điểm Cẩm Vũ”.", outside.Single().Text);
        Assert.Contains("không tìm thấy đơn vị “Huyện Hai” trong phạm vi", rollupOutside.Single().Text);
    }
}
