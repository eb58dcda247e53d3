using Bot.Activities;
using Bot.State;
using Bot.Turns;

namespace Bot.Tests.Routing;

/// <summary>What a turn stages for after its save, and the order its replies go out in; no Redis.</summary>
public sealed class TurnContextTests
{
    private static TurnContext Turn() =>
        new(new Activity { Type = ActivityTypes.Message, Text = "1", ChannelId = "webchat" }, new ConversationData(), DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task AnEffectStagedOncePerSubject_RunsOnce_AfterTheTurnHasChangedItTwice()
    {
        var turn = Turn();
        var draft = new List<string>();
        var other = new List<string>();
        var written = new List<string>();

        draft.Add("1.1.a");
        var first = turn.AfterSaveOnce(draft, _ => Write(written, "draft:" + string.Join(",", draft)));
        draft.Add("1.1.b");
        var second = turn.AfterSaveOnce(draft, _ => Write(written, "again"));
        turn.AfterSaveOnce(other, _ => Write(written, "other"));
        await turn.RunAfterSaveAsync(CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(["draft:1.1.a,1.1.b", "other"], written);
    }

    [Fact]
    public async Task ClosingReplies_GoAfterWhatTheEffectsSay()
    {
        var turn = Turn();
        turn.Say("Đã nhận.");
        turn.AfterSave(_ =>
        {
            turn.Say("Đã ghi nhận.");
            return Task.CompletedTask;
        });
        await turn.SayClosingAsync(() =>
        {
            turn.Say("Mục 1.1.b", expectingInput: true);
            return Task.CompletedTask;
        });

        Assert.Equal(["Đã nhận."], turn.Replies.Select(r => r.Text));
        await turn.RunAfterSaveAsync(CancellationToken.None);
        Assert.Equal(["Đã nhận.", "Đã ghi nhận.", "Mục 1.1.b"], turn.Replies.Select(r => r.Text));
    }

    private static Task Write(List<string> written, string what)
    {
        written.Add(what);
        return Task.CompletedTask;
    }
}
