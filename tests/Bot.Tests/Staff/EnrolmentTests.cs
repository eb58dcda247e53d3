using System.Diagnostics;
using Bot.People;
using StackExchange.Redis;

namespace Bot.Tests.Staff;

[Collection(RedisTests.Name)]
[Trait(RedisTests.StoreTrait, RedisTests.OnCluster)]
public sealed class EnrolmentTests(RedisServer redis) : BotTestBase(redis)
{
    [Fact]
    public async Task Code_WorksOnce_AndIsStoredOnlyHashed()
    {
        var code = await StaffPeople.CodeAsync(Bot, StaffRole.Staff, "cam-vu");
        var stored = await StoredAsync();

        var first = await Bot.Conversation().SayAsync("Đăng ký " + code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        var second = await Bot.Conversation().SayAsync("đăng ký " + code);

        Assert.Contains("Anh/Chị đã đăng ký thành công là cán bộ, công chức của xã Cẩm Vũ", first.Single().Text);
        Assert.Contains("mã này không đúng, đã dùng hoặc đã hết hạn", second.Single().Text);
        var bare = code.Replace("-", "", StringComparison.Ordinal);
        Assert.DoesNotContain(stored, s => s.Contains(bare, StringComparison.Ordinal) || s.Contains(code, StringComparison.Ordinal));
        Assert.Contains(stored, s => s.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(bare))), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Enrolled_AGreetingIsGreeted_ASlipIsToldItIsNoCommand_AsStaff_NotAskedForTheCommuneVisited()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        var citizen = Bot.Conversation();

        var greeted = await appraiser.SayAsync("xin chào");
        var greetedByName = await appraiser.SayAsync("chào chatbot ạ");
        var slip = await appraiser.SayAsync("Hải Dương");
        var welcomed = await citizen.SayAsync("xin chào");

        Assert.StartsWith("Xin chào Anh/Chị! Anh/Chị đã đăng ký là cán bộ thẩm định của tỉnh Hải Dương. Gõ “trợ giúp”", greeted.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Xin chào Anh/Chị!", greetedByName.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Xin lỗi, tin nhắn này không phải là một lệnh. Anh/Chị đã đăng ký là cán bộ thẩm định của tỉnh Hải Dương: gõ “trợ giúp”", slip.Single().Text, StringComparison.Ordinal);
        Assert.Contains("cho biết tên xã, phường, thị trấn", welcomed.Single().Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cảm ơn", "Dạ, không có gì ạ.")]
    [InlineData("cám ơn bạn nhiều nhé", "Dạ, không có gì ạ.")]
    [InlineData("ok", "Dạ. Anh/Chị cần gì thêm cứ nhắn")]
    [InlineData("👍", "Dạ. Anh/Chị cần gì thêm cứ nhắn")]
    [InlineData("dừng", "Dạ, hiện không có việc gì đang làm dở.")] // nothing in progress: not "not a command"
    [InlineData("xong rồi", "Dạ, hiện không có việc gì đang làm dở.")]
    public async Task Enrolled_AThankYouOrANod_IsAnsweredAsOne_NotToldItIsNoCommand(string typed, string expected)
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");

        var replies = await staff.SayAsync(typed);

        Assert.StartsWith(expected, replies.Single().Text, StringComparison.Ordinal);
        Assert.Contains("gõ “trợ giúp”", replies.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnrolledAfterBeingAskedForTheCommune_WhatComesNextIsNotACommuneName()
    {
        var code = await StaffPeople.CodeAsync(Bot, StaffRole.Staff, "cam-vu");
        var person = Bot.Conversation();

        var welcomed = await person.SayAsync("xin chào");
        await person.SayAsync("đăng ký " + code);
        var help = await person.SayAsync("giúp tôi với");

        Assert.Contains("cho biết tên xã, phường, thị trấn", welcomed.Single().Text, StringComparison.Ordinal);
        Assert.StartsWith("Các chức năng dành cho cán bộ xã:", help.Single().Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("giúp tôi với")]
    [InlineData("làm sao?")]
    [InlineData("hướng dẫn tôi với ạ")]
    public async Task Enrolled_HelpAskedInTheirOwnWords_GetsTheCommands_NotTheAssistantNorNoCommand(string typed)
    {
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");

        var replies = await staff.SayAsync(typed);

        Assert.StartsWith("Các chức năng dành cho cán bộ xã:", replies.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_Expired_IsRefused()
    {
        var code = await StaffPeople.CodeAsync(Bot, StaffRole.Staff, "cam-vu");
        Bot.Clock.Now += TimeSpan.FromDays(8);

        var replies = await Bot.Conversation().SayAsync("đăng ký " + code);

        Assert.Contains("đã hết hạn", replies.Single().Text);
    }

    [Fact]
    public async Task WrongCodes_FiveTimes_ThenEvenTheRightOneWaitsAnHour()
    {
        var code = await StaffPeople.CodeAsync(Bot, StaffRole.Staff, "cam-vu");
        var conversation = Bot.Conversation();
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains("không đúng", (await conversation.SayAsync("đăng ký AAAA-BBBB-CCC" + (char)('D' + i))).Single().Text);
        }

        var blocked = await conversation.SayAsync("đăng ký " + code);
        var typo = await conversation.SayAsync("đăng ký");

        Assert.Contains("nhập sai mã nhiều lần", blocked.Single().Text);
        Assert.Contains("gõ “đăng ký” rồi đến mã", typo.Single().Text);
    }

    [Fact]
    public async Task ACitizenRegisteringAProcedure_IsSentToTheDesk_WithoutUsingUpAnyCodeAttempts()
    {
        var code = await StaffPeople.CodeAsync(Bot, StaffRole.Staff, "cam-vu");
        var citizen = Bot.Conversation();
        var procedures = new[] { "đăng ký khai sinh", "Đăng ký kết hôn ạ", "dang ky tam tru cho con", "đăng ký thường trú", "đăng ký khai tử", "đăng ký giám hộ" };
        var answers = new List<string>();
        foreach (var procedure in procedures)
        {
            answers.Add((await citizen.SayAsync(procedure)).Single().Text!);
        }

        var mistyped = await citizen.SayAsync("đăng ký K7PQ-M2XA");
        var enrolled = await citizen.SayAsync("đăng ký " + code);

        Assert.All(answers, a => Assert.StartsWith("Dạ, trợ lý này lấy ý kiến của người dân", a, StringComparison.Ordinal));
        Assert.All(answers, a => Assert.Contains("liên hệ Bộ phận Một cửa", a, StringComparison.Ordinal));
        Assert.Contains("mã này không đúng", mistyped.Single().Text, StringComparison.Ordinal);
        Assert.Contains("đã đăng ký thành công", enrolled.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameChannel_CannotEnrolTwice()
    {
        var conversation = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");

        var replies = await conversation.SayAsync("đăng ký " + await StaffPeople.CodeAsync(Bot, StaffRole.Admin, "hd"));

        Assert.Contains("Kênh này đã đăng ký là cán bộ, công chức của xã Cẩm Vũ", replies.Single().Text);
    }

    [Theory]
    [InlineData(StaffRole.Appraiser, "hd", "đăng ký cán bộ Cẩm Vũ", "gõ “mời cán bộ thôn <xã>”")]
    [InlineData(StaffRole.Admin, "hd", "Đăng ký cán bộ xã cho Cẩm Vũ ạ", "gõ “tạo mã” rồi vai trò và đơn vị")]
    [InlineData(StaffRole.Staff, "cam-vu", "đăng ký khảo sát", "gõ “khảo sát <tên xã>”")]
    public async Task Enrolled_RegisteringSomethingElse_IsPointedToTheCommands_NotToldToHaveTheirOwnRevoked(StaffRole role, string unit, string typed, string pointedTo)
    {
        var conversation = await StaffPeople.EnrolledAsync(Bot, role, unit);

        var reply = (await conversation.SayAsync(typed)).Single().Text!;

        Assert.Contains("không cần đăng ký lại", reply, StringComparison.Ordinal);
        Assert.Contains(pointedTo, reply, StringComparison.Ordinal);
        Assert.DoesNotContain("thu hồi", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appraiser_CreatesAStaffCode_ListsAndRevokes_AndTheRevokedPersonIsRefusedAtOnce()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        var created = (await appraiser.SayAsync("tạo mã cán bộ xã cam binh")).Single().Text!;
        var code = System.Text.RegularExpressions.Regex.Match(created, "[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}").Value;
        var staff = Bot.Conversation("emulator");
        var enrolled = await staff.SayAsync("đăng ký " + code);
        var beforeRevoke = await staff.SayAsync("điểm");
        var list = (await appraiser.SayAsync("danh sách đăng ký")).Single().Text!;
        var id = System.Text.RegularExpressions.Regex.Match(list, @"\[([0-9a-f]{8})\] cán bộ, công chức – xã Cẩm Bình").Groups[1].Value;
        var revoked = await appraiser.SayAsync("thu hồi " + id);
        var afterRevoke = await staff.SayAsync("điểm");
        var cannotGrantAdmin = await appraiser.SayAsync("tạo mã quản trị tỉnh Hải Dương");

        Assert.Contains("Mã đăng ký cho cán bộ, công chức của xã Cẩm Bình", created);
        Assert.Contains("của xã Cẩm Bình", enrolled.Single().Text);
        Assert.Contains("Bảng điểm xã Cẩm Bình", beforeRevoke[0].Text);
        Assert.Matches("^[0-9a-f]{8}$", id);
        Assert.Contains($"Đã thu hồi đăng ký [{id}]", revoked.Single().Text);
        Assert.Contains("chưa có quyền", afterRevoke.Single().Text);
        Assert.Contains("không cấp được mã", cannotGrantAdmin.Single().Text);
    }

    [Fact]
    public async Task LinkCode_BindsAnotherChannelToTheSamePerson()
    {
        var teams = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "tu-minh", "msteams");

        var linkReply = (await teams.SayAsync("thêm kênh")).Single().Text!;
        var code = System.Text.RegularExpressions.Regex.Match(linkReply, "[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}").Value;
        var zalo = Bot.Conversation("zalo");
        var linked = await zalo.SayAsync("đăng ký " + code);
        var who = await zalo.SayAsync("tôi là ai");

        Assert.Contains("Đã liên kết kênh này với tài khoản cán bộ, công chức của phường Tứ Minh", linked.Single().Text);
        Assert.Contains("trên 2 kênh", who.Single().Text);
    }

    [Fact]
    public async Task CommandLine_PrintsACodeThatEnrolsTheFirstAdmin()
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "Bot.dll");
        var start = new ProcessStartInfo("dotnet", [bot, "enrol", "--role", "admin", "--unit", "hd"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Redis"] = Redis.ConnectionString;
        start.Environment["Bot__KeyPrefix"] = Bot.KeyPrefix;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var code = System.Text.RegularExpressions.Regex.Match(output, "[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}").Value;

        var admin = Bot.Conversation();
        var enrolled = await admin.SayAsync("đăng ký " + code);
        var help = await admin.SayAsync("trợ giúp");

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("quản trị viên của tỉnh Hải Dương", enrolled.Single().Text);
        Assert.Contains("tạo mã thẩm định", help.Single().Text);
        // An administrator's help lists what an appraiser can do, which an administrator can too.
        Assert.Contains("“thẩm định <xã>”", help.Single().Text);
        Assert.Contains("“công nhận <xã> <số QĐ> <ngày>”", help.Single().Text);
    }

    [Fact]
    public async Task CommandLine_BadArguments_PrintUsageAndFail()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Bot.dll"), "enrol", "--role", "king", "--unit", "HD!"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Usage:", error);
    }

    /// <summary>Every key and string value the bot wrote under its prefix.</summary>
    private async Task<List<string>> StoredAsync()
    {
        using var connection = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var found = new List<string>();
        // Every primary's keys, so this reads a cluster too.
        foreach (var key in connection.GetServers().Where(server => !server.IsReplica).SelectMany(server => server.Keys(pattern: Bot.KeyPrefix + "*")))
        {
            found.Add(key!);
            if (await connection.GetDatabase().KeyTypeAsync(key) == RedisType.String)
            {
                found.Add((string?)await connection.GetDatabase().StringGetAsync(key) ?? "");
            }
        }
        return found;
    }
}
