using System.Net.Http.Json;
using System.Text.Json;
using Bot.People;
using Bot.Tests.Staff;

namespace Bot.Tests.Invitations;

/// <summary>A registered village cadre: role and village come from the registration, one counted form each, in A2.</summary>
[Collection(RedisTests.Name)]
[Trait(RedisTests.StoreTrait, RedisTests.OnCluster)]
public sealed class CadreInvitationTests(RedisServer redis) : BotTestBase(redis)
{
    [Fact]
    public async Task RegisteredCadre_IsNotAskedRoleOrVillage_AndTheFormCountsInA2Once()
    {
        var response = await Surveys.Invitations(Bot).PostAsJsonAsync("/api/v1/survey-invitations",
            new { form = "cadre", communeId = "cam-vu", role = "truong-ban-mat-tran", village = "Thôn Đông" });
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var conversation = Bot.Conversation("zalo");

        var greeting = await conversation.SayAsync($"khảo sát {code}");
        var first = await conversation.SayAsync("đồng ý");
        foreach (var answer in new[] { "1", "2", "3", "4", "1", "bỏ qua" })
        {
            await conversation.SayAsync(answer);
        }
        var summary = await conversation.SayAsync("bỏ qua");
        var sent = await conversation.SayAsync("gửi");
        var again = await Bot.Conversation("msteams").SayAsync($"khảo sát {code}");

        Assert.DoesNotContain("không dùng để chấm điểm", Conversation.Texts(greeting), StringComparison.Ordinal);
        Assert.Contains("chỉ dùng để chấm điểm xã năm 2026", Conversation.Texts(greeting), StringComparison.Ordinal);
        Assert.StartsWith("Câu 1/5", first[0].Text, StringComparison.Ordinal);
        var lines = summary.Select(r => r.Text).First(t => t!.Contains("xem lại", StringComparison.Ordinal))!.Split('\n');
        Assert.Contains("Chức danh: Trưởng ban công tác Mặt trận", lines);
        Assert.Contains("Thôn, khu dân cư: Thôn Đông", lines);
        Assert.Contains("1. Câu 1: Tốt (điều hành phát triển kinh tế, sản xuất)", lines);
        Assert.DoesNotContain(lines, l => l.Contains(". Chức danh", StringComparison.Ordinal));
        Assert.Contains("Xin trân trọng cảm ơn", sent[0].Text, StringComparison.Ordinal);
        // The code is the cadre's own, not a case's: the answer says so.
        Assert.StartsWith("Xin cảm ơn Ông/Bà! Phiếu khảo sát theo mã mời này đã được gửi rồi; mỗi cán bộ thôn, khu dân cư chỉ gửi một phiếu", again[0].Text, StringComparison.Ordinal);
        await Surveys.EventuallyAsync(async () => (await A2Async()).GetProperty("responses").GetInt32() == 1, "the cadre's form to count in A2");
        var form = (await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/survey-forms"))[0];
        Assert.Equal("cadre", form.GetProperty("source").GetString());
        Assert.StartsWith("r-", form.GetProperty("reference").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisteredWithAName_TheCadreTapsIt_RatherThanTypingIt()
    {
        var response = await Surveys.Invitations(Bot).PostAsJsonAsync("/api/v1/survey-invitations",
            new { form = "cadre", communeId = "cam-vu", role = "truong-thon", village = "Thôn Đông", name = "Nguyễn Văn An" });
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var conversation = Bot.Conversation("zalo");
        await conversation.SayAsync($"khảo sát {code}");
        foreach (var answer in new[] { "đồng ý", "1", "2", "3", "4", "1" })
        {
            await conversation.SayAsync(answer);
        }

        var asked = await conversation.SayAsync("bỏ qua");
        var summary = await conversation.SayAsync(asked[^1].SuggestedActions!.Actions[0].Title!);

        Assert.StartsWith("Xin phép Ông/Bà cho biết họ tên (không bắt buộc): bấm vào tên", asked[^1].Text, StringComparison.Ordinal);
        Assert.Equal(["Nguyễn Văn An", "Bỏ qua"], asked[^1].SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Contains("7. Họ tên: Nguyễn Văn An", Conversation.Texts(summary).Split('\n'));
    }

    [Theory]
    [InlineData("đúng rồi", "7. Họ tên: Nguyễn Văn An")]
    [InlineData("vâng ạ", "7. Họ tên: Nguyễn Văn An")]
    [InlineData("👍", "7. Họ tên: Nguyễn Văn An")]
    [InlineData("Nguyễn Văn Ân", "7. Họ tên: Nguyễn Văn Ân")]
    public async Task TheNameOffered_ConfirmedInWords_IsTheName_NeverTheWordsThemselves(string typed, string line)
    {
        var conversation = await AtTheNameAsync();

        var summary = await conversation.SayAsync(typed);

        Assert.Contains(line, Conversation.Texts(summary).Split('\n'));
    }

    [Fact]
    public async Task TheNameOffered_SaidToBeWrong_IsAskedAgain_WithTheNameStillOnItsButton()
    {
        var conversation = await AtTheNameAsync();

        var again = await conversation.SayAsync("không phải");
        var summary = await conversation.SayAsync("Trần Văn An");

        Assert.Equal("Dạ, xin Ông/Bà gõ lại cho đúng, hoặc bấm “Bỏ qua” để không ghi.", again[0].Text);
        Assert.Equal(["Nguyễn Văn An", "Bỏ qua"], again[^1].SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Contains("7. Họ tên: Trần Văn An", Conversation.Texts(summary).Split('\n'));
    }

    private async Task<Conversation> AtTheNameAsync()
    {
        var response = await Surveys.Invitations(Bot).PostAsJsonAsync("/api/v1/survey-invitations",
            new { form = "cadre", communeId = "cam-vu", role = "truong-thon", village = "Thôn Đông", name = "Nguyễn Văn An" });
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var conversation = Bot.Conversation("zalo");
        await conversation.SayAsync($"khảo sát {code}");
        foreach (var answer in new[] { "đồng ý", "1", "2", "3", "4", "1", "bỏ qua" })
        {
            await conversation.SayAsync(answer);
        }
        return conversation;
    }

    [Fact]
    public async Task CadresCode_Expired_SendsThemToWhoeverGaveIt_NotToTheDesk()
    {
        var code = await CadreCodeAsync();
        Bot.Clock.Now += TimeSpan.FromDays(100);

        var replies = await Bot.Conversation("zalo").SayAsync($"khảo sát {code}");

        Assert.StartsWith("Xin cảm ơn Ông/Bà đã quan tâm! Xin lỗi, mã mời này đã hết hạn", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("liên hệ người đã gửi mã", replies[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bộ phận Một cửa", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CadresCode_FinishedOnTwoPhonesAtOnce_CountsOnce_AndTheSecondIsToldItWasTheirCode()
    {
        var code = await CadreCodeAsync();
        var phones = new[] { Bot.Conversation("zalo"), Bot.Conversation("webchat") };
        foreach (var phone in phones)
        {
            await phone.SayAsync($"khảo sát {code}");
            foreach (var answer in new[] { "đồng ý", "1", "2", "3", "4", "1", "bỏ qua", "bỏ qua" })
            {
                await phone.SayAsync(answer);
            }
        }

        var sent = await Task.WhenAll(phones.Select(p => p.SayAsync("gửi")));

        var texts = sent.Select(r => r[0].Text!).ToList();
        Assert.Single(texts, t => t.StartsWith("Xin trân trọng cảm ơn", StringComparison.Ordinal));
        Assert.Single(texts, t => t.StartsWith("Xin cảm ơn Ông/Bà! Phiếu khảo sát theo mã mời này đã được gửi rồi", StringComparison.Ordinal));
        await Surveys.EventuallyAsync(async () => (await A2Async()).GetProperty("responses").GetInt32() == 1, "one cadre form to count");
    }

    [Fact]
    public async Task Appraiser_ListsTheCadresRegistered_VillageByVillage_WithWhoHasAnswered()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        var none = await appraiser.SayAsync("danh sách cán bộ thôn Cẩm Vũ");
        var answering = await CadreCodeAsync(village: "Thôn Tây");
        var secretary = await CadreCodeAsync(village: "Thôn Bắc", role: "bi-thu-chi-bo");
        var pending = await CadreCodeAsync(village: "Thôn Bắc");
        // The same cadre registered again is the same invitation, listed once.
        Assert.Equal(pending, await CadreCodeAsync(village: "Thôn Bắc"));
        await appraiser.SayAsync("mời cán bộ thôn Cẩm Vũ");
        await appraiser.SayAsync("Trưởng ban công tác Mặt trận");
        await appraiser.SayAsync("Thôn Đông");
        await appraiser.SayAsync("Nguyễn Văn A");
        var cadre = Bot.Conversation("zalo");
        foreach (var answer in new[] { $"khảo sát {answering}", "đồng ý", "1", "2", "3", "4", "1", "bỏ qua", "bỏ qua", "gửi" })
        {
            await cadre.SayAsync(answer);
        }

        var listed = (await appraiser.SayAsync("danh sách cán bộ thôn Cẩm Vũ")).Single().Text!.Split('\n');
        await Surveys.EventuallyAsync(async () => (await A2Async()).GetProperty("responses").GetInt32() == 1, "the cadre's form to count in A2");
        var progress = (await appraiser.SayAsync("tiến độ khảo sát")).Single().Text!.Split('\n');

        Assert.StartsWith("Xã Cẩm Vũ chưa có cán bộ thôn nào được mời năm 2026.", none.Single().Text, StringComparison.Ordinal);
        Assert.Equal("Cán bộ thôn đã mời của xã Cẩm Vũ năm 2026: 4 người, 1 đã gửi phiếu, 3 chưa gửi.", listed[0]);
        Assert.Equal(5, listed.Length);
        Assert.Equal($"• Thôn Bắc – Bí thư chi bộ: chưa gửi phiếu (mã “{secretary}”, đến hết ngày 24/01/2027)", listed[1]);
        Assert.Equal($"• Thôn Bắc – Trưởng thôn, khu dân cư: chưa gửi phiếu (mã “{pending}”, đến hết ngày 24/01/2027)", listed[2]);
        Assert.StartsWith("• Thôn Đông – Trưởng ban công tác Mặt trận (Nguyễn Văn A): chưa gửi phiếu (mã “", listed[3], StringComparison.Ordinal);
        Assert.Equal("• Thôn Tây – Trưởng thôn, khu dân cư: đã gửi phiếu", listed[4]);
        // The progress says, commune by commune, how many cadres were invited by code beside the forms counted.
        Assert.Contains(progress, l => l.StartsWith("• Xã Cẩm Vũ:", StringComparison.Ordinal) && l.Contains("cán bộ thôn 1 phiếu (4 người được mời qua mã)", StringComparison.Ordinal));
        Assert.Contains(progress, l => l.StartsWith("• Xã Cẩm Bình:", StringComparison.Ordinal) && l.Contains("cán bộ thôn 0 phiếu (0 người được mời qua mã)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AVillagesOneHolderOfARole_IsRegisteredOnce_WhateverNameIsTyped_WhileHeadsOfMassOrganisationsAreSeveral()
    {
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");
        async Task<string> RegisterAsync(string role, string village, string name)
        {
            await appraiser.SayAsync("mời cán bộ thôn Cẩm Vũ");
            await appraiser.SayAsync(role);
            await appraiser.SayAsync(village);
            return (await appraiser.SayAsync(name)).Single().Text!;
        }

        var first = await RegisterAsync("Trưởng thôn", "Thôn Đông", "Nguyễn Văn Bảy");
        var second = await RegisterAsync("trưởng thôn", "thôn đông", "Trần Văn Tám");
        var unnamed = await RegisterAsync("Trưởng thôn", "Thôn Đông", "bỏ qua");
        var sameAgain = await RegisterAsync("Trưởng các đoàn thể", "Thôn Đông", "Lê Thị Hoa");
        var repeated = await RegisterAsync("Trưởng các đoàn thể", "Thôn Đông", "Lê Thị Hoa");
        var another = await RegisterAsync("Trưởng các đoàn thể", "Thôn Đông", "Phạm Văn Nam");
        // Through the API too: the one-stop or the province's software registering the seat again.
        var byApi = await CadreCodeAsync(village: "THÔN ĐÔNG");

        var code = System.Text.RegularExpressions.Regex.Match(first, "mã “([A-Z2-9]{4}-[A-Z2-9]{4})”").Groups[1].Value;
        Assert.StartsWith("Đã đăng ký Trưởng thôn, khu dân cư, Thôn Đông (Nguyễn Văn Bảy) của xã Cẩm Vũ.", first, StringComparison.Ordinal);
        Assert.StartsWith("Thôn Đông của xã Cẩm Vũ đã có Trưởng thôn, khu dân cư được đăng ký (Nguyễn Văn Bảy): mỗi thôn, khu dân cư chỉ một người giữ chức danh này",
            second, StringComparison.Ordinal);
        Assert.Contains($"vẫn là “{code}”", second, StringComparison.Ordinal);
        Assert.Contains($"vẫn là “{code}”", unnamed, StringComparison.Ordinal);
        Assert.Equal(code, byApi);
        Assert.StartsWith("Đã đăng ký Trưởng các đoàn thể, Thôn Đông (Lê Thị Hoa)", sameAgain, StringComparison.Ordinal);
        Assert.StartsWith("Trưởng các đoàn thể, Thôn Đông (Lê Thị Hoa) của xã Cẩm Vũ đã được đăng ký trước đó, nên mã vẫn là", repeated, StringComparison.Ordinal);
        Assert.StartsWith("Đã đăng ký Trưởng các đoàn thể, Thôn Đông (Phạm Văn Nam)", another, StringComparison.Ordinal);
        var listed = (await appraiser.SayAsync("danh sách cán bộ thôn Cẩm Vũ")).Single().Text!;
        Assert.StartsWith("Cán bộ thôn đã mời của xã Cẩm Vũ năm 2026: 3 người", listed, StringComparison.Ordinal);
    }

    private async Task<string> CadreCodeAsync(string village = "Thôn Bắc", string role = "truong-thon")
    {
        var response = await Surveys.Invitations(Bot).PostAsJsonAsync("/api/v1/survey-invitations",
            new { form = "cadre", communeId = "cam-vu", role, village });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task CadreFormFromTheOpenLink_SaysItIsNotCounted_AndIsFeedback()
    {
        var conversation = Bot.Conversation();
        var greeting = await conversation.StartSurveyAsync("cadre", "cam-vu");
        foreach (var answer in new[] { "đồng ý", "truong thon", "Thôn Tây", "1", "1", "1", "1", "1", "bỏ qua", "bỏ qua", "gửi" })
        {
            await conversation.SayAsync(answer);
        }

        Assert.Contains("mã riêng do cấp thẩm định cấp cho từng người", greeting[0].Text, StringComparison.Ordinal);
        await Surveys.EventuallyAsync(async () => (await A2Async()).GetProperty("feedback").GetInt32() == 1, "the form to reach the core as feedback");
        Assert.Equal(0, (await A2Async()).GetProperty("responses").GetInt32());
    }

    private async Task<JsonElement> A2Async() =>
        (await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/scorecard")).GetProperty("a2");
}
