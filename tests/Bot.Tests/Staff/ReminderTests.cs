using System.Globalization;
using Bot.People;
using Bot.Staff.Reminders;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Staff;

/// <summary>Reminders on a fake clock, delivered through a fake Bot Connector as Teams would receive them.</summary>
[Collection(RedisTests.Name)]
public sealed class ReminderTests(RedisServer redis) : BotTestBase(redis), IDisposable
{
    private FakeConnector? _connector;

    public void Dispose() => _connector?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Fact]
    public async Task StaffAreReminded7And2DaysBefore_OnceEach_AndAppraisersBeforeTheirs()
    {
        _connector = await FakeConnector.StartAsync();
        Bot.Settings["Reminders:Enabled"] = "false";
        var camVu = await OnTeamsAsync(StaffRole.Staff, "cam-vu");
        var camBinh = await OnTeamsAsync(StaffRole.Staff, "cam-binh");
        var appraiser = await OnTeamsAsync(StaffRole.Appraiser, "hd");
        await StaffPeople.EnrolledAsync(Bot, StaffRole.Staff, "tu-minh", "webchat");
        await StaffPeople.SubmittedAsync(Core, "cam-binh");
        var worker = Bot.Services.GetRequiredService<ReminderWorker>();

        var reached = new List<int>();
        foreach (var at in new[] { "2026-12-07T10:00", "2026-12-08T09:00", "2026-12-08T15:00", "2026-12-13T09:00", "2026-12-14T09:00", "2026-12-24T09:00", "2026-12-24T10:00" })
        {
            Bot.Clock.Now = DateTimeOffset.Parse(at + "+07:00", CultureInfo.InvariantCulture);
            reached.Add(await worker.RunOnceAsync(CancellationToken.None));
        }

        Assert.Equal([0, 1, 0, 1, 0, 1, 0], reached);
        var sent = _connector.Received.Select(r => (r.ConversationHeader, Text: r.Body.GetProperty("text").GetString()!)).ToList();
        Assert.Equal(3, sent.Count);
        Assert.Equal(camVu.Id, sent[0].ConversationHeader);
        Assert.Equal("Nhắc việc: xã Cẩm Vũ chưa nộp bản tự chấm điểm năm 2026. Hạn nộp trước ngày 15/12/2026 (còn 7 ngày). Gõ “tự chấm điểm” để làm tiếp.", sent[0].Text);
        Assert.Contains("(còn 2 ngày)", sent[1].Text);
        Assert.Equal(appraiser.Id, sent[2].ConversationHeader);
        Assert.Equal("Nhắc việc: tỉnh Hải Dương còn 1 xã, phường đã nộp tự chấm nhưng chưa thẩm định. Hạn thẩm định trước ngày 31/12/2026 (còn 7 ngày).", sent[2].Text);
        Assert.DoesNotContain(sent, s => s.ConversationHeader == camBinh.Id);
    }

    [Fact]
    public async Task AReminderThatCouldNotBeDelivered_IsTriedAgainNextTime()
    {
        _connector = await FakeConnector.StartAsync();
        Bot.Settings["Reminders:Enabled"] = "false";
        var unreachable = Bot.Conversation("msteams");
        unreachable.ServiceUrl = "http://127.0.0.1:9/";
        await unreachable.SayAsync("đăng ký " + await StaffPeople.CodeAsync(Bot, StaffRole.Staff, "cam-vu"));
        var worker = Bot.Services.GetRequiredService<ReminderWorker>();
        Bot.Clock.Now = DateTimeOffset.Parse("2026-12-08T09:00+07:00", CultureInfo.InvariantCulture);

        var failed = await worker.RunOnceAsync(CancellationToken.None);
        unreachable.ServiceUrl = _connector.ServiceUrl;
        await unreachable.SayAsync("tôi là ai");
        var retried = await worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, failed);
        Assert.Equal(1, retried);
        Assert.Single(_connector.Received);
    }

    private async Task<Conversation> OnTeamsAsync(StaffRole role, string unit)
    {
        var conversation = Bot.Conversation("msteams");
        conversation.ServiceUrl = _connector!.ServiceUrl;
        var replies = await conversation.SayAsync("đăng ký " + await StaffPeople.CodeAsync(Bot, role, unit));
        Assert.Contains("đăng ký thành công", replies.Single().Text);
        return conversation;
    }
}
