using System.Net.Http.Json;
using System.Text.Json;
using Bot.People;

namespace Bot.Tests.Staff;

/// <summary>
/// What people write in the survey's comment box reaches the commune (docs/decisions/024): through the outbox to the
/// scoring core, then "góp ý" in chat. The commune reads the words only; the appraising level also when, and the
/// name and address a person chose to sign with. A citizen's own "góp ý" is the survey's.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class FormCommentsTests(RedisServer redis) : BotTestBase(redis)
{
    private const string Comment = "Cán bộ nhiệt tình nhưng phải chờ lâu";

    private async Task CitizenCommentsAsync(string caseCode, string comment, string name, string address)
    {
        var citizen = Bot.Conversation();
        await citizen.SayAsync($"khảo sát {await Surveys.InviteAsync(Bot, "cam-vu", caseCode)}");
        foreach (var answer in new[] { "đồng ý", "1", "2", "1", "1", "3", comment, name, address })
        {
            await citizen.SayAsync(answer);
        }
        Assert.Contains("Xin trân trọng cảm ơn", (await citizen.SayAsync("gửi"))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACitizensComment_ReachesTheCommune_WithoutWhoWroteIt_AndTheAppraiserReadsItSigned()
    {
        await CitizenCommentsAsync("case-comment", Comment, "Nguyễn Văn An", "Thôn Đông");
        await Surveys.EventuallyAsync(async () =>
            (await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/comments")).GetArrayLength() == 1, "the comment to reach the core");
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");
        var neighbour = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-binh");
        var appraiser = await StaffPeople.EnrolledAsync(Bot, StaffRole.Appraiser, "hd");

        var own = (await staff.SayAsync("góp ý")).Single().Text!;
        var signed = (await appraiser.SayAsync("xem góp ý Cẩm Vũ")).Single().Text!;
        var whichCommune = (await appraiser.SayAsync("góp ý")).Single().Text!;
        var elsewhere = (await neighbour.SayAsync("góp ý Cẩm Vũ")).Single().Text!;
        var none = (await neighbour.SayAsync("góp ý")).Single().Text!;

        Assert.StartsWith("Góp ý gửi xã Cẩm Vũ qua phiếu khảo sát năm 2026 (1 góp ý, mới nhất trước):", own, StringComparison.Ordinal);
        Assert.Contains($"1. phiếu người dân: “{Comment}”", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Thôn Đông", own, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{2}/\d{2}/2026", own);
        Assert.Matches($@"1\. \d{{2}}/\d{{2}}/2026, phiếu người dân: “{Comment}” \(ký tên: Nguyễn Văn An, Thôn Đông\)", signed);
        Assert.StartsWith("Xin Anh/Chị gõ kèm tên xã", whichCommune, StringComparison.Ordinal);
        Assert.StartsWith("Xin lỗi, không tìm thấy đơn vị “Cẩm Vũ”", elsewhere, StringComparison.Ordinal);
        Assert.Equal("Xã Cẩm Bình chưa nhận được góp ý nào qua phiếu khảo sát năm 2026.", none);
    }

    [Fact]
    public async Task ALongCommentIsCutAtAWordInChat_AndTheCoreKeepsItWhole()
    {
        var longComment = string.Join(' ', Enumerable.Repeat("Thủ tục cần làm nhanh hơn.", 30));
        await CitizenCommentsAsync("case-long", longComment, "bỏ qua", "bỏ qua");
        await Surveys.EventuallyAsync(async () =>
            (await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/comments")).GetArrayLength() == 1, "the comment to reach the core");
        var staff = await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "cam-vu");

        var line = (await staff.SayAsync("góp ý")).Single().Text!.Split('\n')[1];
        var kept = (await Core.Api().GetFromJsonAsync<JsonElement>("/api/v1/communes/cam-vu/years/2026/comments"))[0];

        const string Lead = "1. phiếu người dân: “";
        Assert.StartsWith(Lead, line, StringComparison.Ordinal);
        Assert.EndsWith("…”", line, StringComparison.Ordinal);
        var shown = line[Lead.Length..^2];
        Assert.InRange(shown.Length, 300, 400);
        Assert.StartsWith(shown, longComment, StringComparison.Ordinal);
        Assert.Equal(' ', longComment[shown.Length]); // cut between words
        Assert.Equal(longComment, kept.GetProperty("comment").GetString());
        Assert.False(kept.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task ACitizenWhoTypesGopY_IsAskedForTheCommune_NotRefused()
    {
        var replies = await Bot.Conversation().SayAsync("góp ý");

        Assert.DoesNotContain("chưa có quyền", Conversation.Texts(replies), StringComparison.Ordinal);
        Assert.Contains("cho biết tên xã, phường, thị trấn", Conversation.Texts(replies), StringComparison.Ordinal);
    }
}
