using Bot.Configuration;
using Bot.Activities;
using Bot.Dialogs;
using Bot.State;
using Bot.Turns;
using Bot.Turns.Middleware;
using Microsoft.Extensions.Options;
using Scoring.Loading;

namespace Bot.Tests.Routing;

/// <summary>The middleware every turn passes through, and the router's order, each on its own; no Redis, no host.</summary>
public sealed class TurnMiddlewareTests
{
    private static readonly BotTexts Texts = new(SchemeLoader.Load().Texts);
    private static readonly IOptions<BotOptions> Options = Microsoft.Extensions.Options.Options.Create(new BotOptions());
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private static TurnContext Turn(string type = ActivityTypes.Message, string? text = "xin chào", ConversationData? state = null, ConversationAccount? conversation = null) =>
        new(new Activity
        {
            Type = type,
            Text = text,
            ChannelId = "webchat",
            Conversation = conversation ?? new ConversationAccount { Id = "c1" },
            From = new ChannelAccount { Id = "u1" },
            Recipient = new ChannelAccount { Id = "bot" },
        }, state ?? new ConversationData(), Now);

    /// <summary>Runs one middleware; true when it handed the turn on.</summary>
    private static async Task<bool> PassesAsync(ITurnMiddleware middleware, TurnContext turn)
    {
        var passed = false;
        await middleware.OnTurnAsync(turn, () =>
        {
            passed = true;
            return Task.CompletedTask;
        }, CancellationToken.None);
        return passed;
    }

    [Fact]
    public async Task AGroupChat_GetsThePrivacyNote_AndGoesNoFurther()
    {
        var turn = Turn(conversation: new ConversationAccount { Id = "g1", ConversationType = "groupChat" });

        Assert.False(await PassesAsync(new GroupChats(Texts), turn));
        Assert.Equal(Texts["groupChat"], Assert.Single(turn.Replies).Text);
    }

    [Fact]
    public async Task AOneToOneChat_PassesTheGroupCheck_Silently()
    {
        var turn = Turn();

        Assert.True(await PassesAsync(new GroupChats(Texts), turn));
        Assert.Empty(turn.Replies);
    }

    [Fact]
    public async Task MessageText_IsReadInNfc_AndATooLongOne_IsAnsweredPolitely()
    {
        var decomposed = Turn(text: "Xin chào, cán bộ".Normalize(System.Text.NormalizationForm.FormD));
        Assert.True(await PassesAsync(new MessageText(Texts, Options), decomposed));
        Assert.Equal("Xin chào, cán bộ", decomposed.Text);

        var tooLong = Turn(text: new string('a', Options.Value.MaxTextLength + 1));
        Assert.False(await PassesAsync(new MessageText(Texts, Options), tooLong));
        Assert.Equal(Texts.Format("tooLong", ("max", Options.Value.MaxTextLength)), Assert.Single(tooLong.Replies).Text);
    }

    private static ConversationData WithSurvey(DateTimeOffset updatedAt)
    {
        var state = StatesIn.Phase(Phase.Survey);
        state.UpdatedAt = updatedAt;
        return state;
    }

    [Fact]
    public async Task ASurveyLeftBriefly_IsAReturn_AndOneLeftPastTheWindow_StartsAfresh()
    {
        var brief = Turn(state: WithSurvey(Now - Options.Value.ResumeNoticeAfter));
        Assert.True(await PassesAsync(new ResumeWindow(Options), brief));
        Assert.True(brief.Returning);
        Assert.Equal(Phase.Survey, brief.State.Phase);

        var soon = Turn(state: WithSurvey(Now - TimeSpan.FromMinutes(1)));
        Assert.True(await PassesAsync(new ResumeWindow(Options), soon));
        Assert.False(soon.Returning);

        var stale = Turn(state: WithSurvey(Now - Options.Value.ResumeWindow - TimeSpan.FromMinutes(1)));
        Assert.True(await PassesAsync(new ResumeWindow(Options), stale));
        Assert.False(stale.Returning);
        Assert.Equal(Phase.Idle, stale.State.Phase);
    }

    [Fact]
    public async Task LastActivity_StampsTheTurnsTime_AfterTheRoute()
    {
        var turn = Turn(state: new ConversationData { UpdatedAt = Now.AddDays(-1) });
        DateTimeOffset? seenByRoute = null;

        await new LastActivity().OnTurnAsync(turn, () =>
        {
            seenByRoute = turn.State.UpdatedAt;
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal(Now.AddDays(-1), seenByRoute);
        Assert.Equal(Now, turn.State.UpdatedAt);
    }

    private sealed class Recording(List<string> log, string name, bool passOn = true) : ITurnMiddleware
    {
        public async Task OnTurnAsync(TurnContext turn, Func<Task> nextTurnStep, CancellationToken cancellationToken)
        {
            log.Add(name);
            if (passOn)
            {
                await nextTurnStep();
            }
        }
    }

    [Fact]
    public async Task TheRouter_RunsTheMiddlewareInOrder_ThenTheFirstRouteThatSelects()
    {
        var log = new List<string>();
        var routes = new RouteTable()
            .OnMessage("never", _ => false, (_, _) => { log.Add("never"); return Task.CompletedTask; })
            .OnMessage("first", _ => true, (_, _) => { log.Add("first"); return Task.CompletedTask; })
            .OnMessage("second", _ => true, (_, _) => { log.Add("second"); return Task.CompletedTask; });
        var turn = Turn();

        await new TurnRouter([new Recording(log, "a"), new Recording(log, "b")], routes).OnTurnAsync(turn, CancellationToken.None);

        Assert.Equal(["a", "b", "first"], log);
        Assert.Equal("first", turn.Route);
    }

    [Fact]
    public async Task AMiddlewareThatAnswers_KeepsTheTurnFromTheRoutes()
    {
        var log = new List<string>();
        var routes = new RouteTable().OnMessage("any", _ => true, (_, _) => { log.Add("any"); return Task.CompletedTask; });

        await new TurnRouter([new Recording(log, "a", passOn: false), new Recording(log, "b")], routes).OnTurnAsync(Turn(), CancellationToken.None);

        Assert.Equal(["a"], log);
    }

    [Fact]
    public async Task ARouteForMessages_NeverTakesAnEvent()
    {
        var routes = new RouteTable().OnMessage("any", _ => true, (_, _) => Task.CompletedTask);
        var turn = Turn(type: ActivityTypes.Event, text: null);

        await new TurnRouter([], routes).OnTurnAsync(turn, CancellationToken.None);

        Assert.Null(turn.Route);
    }
}
