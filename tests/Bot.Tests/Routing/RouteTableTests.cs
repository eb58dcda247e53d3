using System.Text.Json;
using Bot.Activities;
using Bot.Dialogs;
using Bot.Hosting;
using Bot.People;
using Bot.Staff;
using Bot.State;
using Bot.Surveys;
using Bot.Surveys.Routing;
using Bot.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using StackExchange.Redis;

namespace Bot.Tests.Routing;

/// <summary>
/// Which route owns a message, asked of the bot's own route table, built by its own service
/// registrations; no Redis, no host. The sender is supplied the way TurnSenders would, on the turn.
/// </summary>
public sealed class RouteTableTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly RouteTable _routes;
    private int _lookUps;

    public RouteTableTests()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
            ["ScoringCore:BaseUrl"] = "http://core.invalid/",
            ["ScoringCore:ApiKey"] = "unused-api-key-0123456789",
            ["DirectLine:Secret"] = "unused-directline-secret-0123456789",
            ["SurveyLinks:LinkKey"] = "link-test-key-0123456789abcdef0123456789",
            ["SurveyLinks:AdminKey"] = "unused-admin-key-0123456789",
        });
        builder.AddBotServices();
        // The routes' stores are built but never called by a selector.
        builder.Services.AddSingleton(new Mock<IConnectionMultiplexer> { DefaultValue = DefaultValue.Mock }.Object);
        _services = builder.Services.BuildServiceProvider();
        _routes = _services.GetRequiredService<RouteTable>();
    }

    public void Dispose() => _services.Dispose();

    private static readonly Person Clerk = new("p1", StaffRole.Staff, "cam-vu", DateTimeOffset.UnixEpoch, "test", ["webchat:u1"]);
    private static readonly Person Appraiser = new("p2", StaffRole.Appraiser, "hd", DateTimeOffset.UnixEpoch, "test", ["webchat:u1"]);

    private async Task<string?> OwnerAsync(Activity activity, Phase phase = Phase.Idle, Person? sender = null, Action<ConversationData>? state = null)
    {
        activity.ChannelId ??= "webchat";
        activity.Conversation ??= new ConversationAccount { Id = "c1" };
        activity.From ??= new ChannelAccount { Id = "u1" };
        var data = StatesIn.Phase(phase);
        state?.Invoke(data);
        var turn = new TurnContext(activity, data, DateTimeOffset.UnixEpoch) { Text = TextNormalizer.Nfc(activity.Text) };
        turn.Memo(() => new TurnSender(() =>
        {
            _lookUps++;
            return Task.FromResult(sender);
        }));
        foreach (var route in _routes.Routes)
        {
            if (await route.Selects(turn, CancellationToken.None))
            {
                return route.Name;
            }
        }
        return null;
    }

    private Task<string?> MessageOwnerAsync(string text, Phase phase = Phase.Idle, Person? sender = null) =>
        OwnerAsync(new Activity { Type = ActivityTypes.Message, Text = text }, phase, sender);

    [Theory]
    [InlineData("xin chào", Phase.Idle, "survey/welcome")]
    [InlineData("Cầm Vũ", Phase.AskingCommune, "survey/chooseCommune")]
    [InlineData("hủy", Phase.AskingCommune, "survey/chooseCommune/cancel")]
    [InlineData("trợ giúp", Phase.AskingCommune, "survey/chooseCommune/help")]
    [InlineData("khảo sát", Phase.AskingCommune, "survey/welcome")] // what the bot tells people to type: not a commune's name
    [InlineData("khảo sát cam-vu", Phase.Idle, "survey/byName")]
    [InlineData("khảo sát K7M2-QX9P", Phase.Idle, "survey/invitationCode")]
    [InlineData("điểm 5 cho cán bộ", Phase.Survey, "survey/answer")]
    [InlineData("tự chấm điểm", Phase.Survey, "survey/answer")]
    [InlineData("camera được mấy điểm?", Phase.Idle, "survey/welcome")]
    [InlineData("trợ giúp", Phase.Idle, "survey/welcome")]
    public async Task ACitizensMessage_IsTheSurveys(string text, Phase phase, string route)
    {
        Assert.Equal(route, await MessageOwnerAsync(text, phase));
    }

    [Fact]
    public async Task AnAnswerOrACommunesName_NeverLooksTheSenderUp()
    {
        await MessageOwnerAsync("điểm 5 cho cán bộ", Phase.Survey);
        await MessageOwnerAsync("Cầm Vũ", Phase.AskingCommune);

        Assert.Equal(0, _lookUps);
    }

    [Fact]
    public async Task RoutesDeclaredOutsideTheSurvey_AreNotEvenAsked_DuringOne_AndAQuickLookGuardsAReadingSelector()
    {
        var asked = new List<string>();
        var table = new RouteTable()
            .OutsideSurvey(staff => staff.OnMessage("outside", turn => { asked.Add("outside"); return true; }, (_, _) => Task.CompletedTask))
            .OnMessage("guarded", turn => turn.Text.StartsWith('#'), (_, _) => { asked.Add("guarded"); return ValueTask.FromResult(true); }, (_, _) => Task.CompletedTask)
            .OnMessage("rest", _ => true, (_, _) => Task.CompletedTask);
        async Task<string?> Owner(string text, Phase phase)
        {
            var turn = new TurnContext(new Activity { Type = ActivityTypes.Message, Text = text }, StatesIn.Phase(phase), DateTimeOffset.UnixEpoch) { Text = text };
            foreach (var route in table.Routes)
            {
                if (await route.Selects(turn, CancellationToken.None))
                {
                    return route.Name;
                }
            }
            return null;
        }

        Assert.Equal("rest", await Owner("Tốt", Phase.Survey));
        Assert.Empty(asked);
        Assert.Equal("guarded", await Owner("#1", Phase.Survey));
        Assert.Equal("outside", await Owner("#1", Phase.Idle));
        Assert.Equal(["guarded", "outside"], asked);
    }

    [Fact]
    public async Task AGreetingFromTheEnrolled_IsTheStaffGreeting_AndAnyoneElsesTheWelcome()
    {
        Assert.Equal("staff/greeting", await MessageOwnerAsync("xin chào", sender: Appraiser));
        Assert.Equal("survey/welcome", await MessageOwnerAsync("xin chào"));
        // One look-up a turn: whether the sender is enrolled.
        Assert.Equal(2, _lookUps);
    }

    [Fact]
    public async Task AnInstallByTheEnrolled_IsTheStaffGreeting_AndAnyoneElsesTheWelcome()
    {
        Activity Installed() => new()
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = "msteams",
            Recipient = new ChannelAccount("28:bot"),
            Conversation = new ConversationAccount("a:1") { ConversationType = "personal" },
            MembersAdded = [new ChannelAccount("28:bot")],
        };

        Assert.Equal("staff/joined", await OwnerAsync(Installed(), sender: Clerk));
        Assert.Equal("survey/joined", await OwnerAsync(Installed()));
        // In the middle of a survey the survey is taken up, whoever installs.
        Assert.Equal("survey/joined", await OwnerAsync(Installed(), Phase.Survey, Clerk));
    }

    [Fact]
    public async Task ACommandFromAnyone_IsTheCommandsRoute_WhichRefusesOrRuns()
    {
        // The refusal is the command route's own answer; it is never handed back to the survey.
        Assert.Equal("staff/SelfScore", await MessageOwnerAsync("tự chấm điểm"));
        Assert.Equal("staff/SelfScore", await MessageOwnerAsync("tự chấm điểm", sender: Clerk));
        Assert.Equal("staff/Scorecard", await MessageOwnerAsync("điểm cam-vu", sender: Appraiser));
    }

    [Fact]
    public async Task LongerCommands_WinOverTheCommandsTheyBeginWith()
    {
        Assert.Equal("staff/RevokeRecognition", await MessageOwnerAsync("thu hồi công nhận cam-vu 12/QĐ-UBND sai số liệu", sender: Appraiser));
        Assert.Equal("staff/Revoke", await MessageOwnerAsync("thu hồi p7", sender: Appraiser));
    }

    [Fact]
    public async Task AQuestion_IsTheAssistants_OnlyForSomeoneWhoseRoleMayAsk()
    {
        Assert.Equal("staff/question", await MessageOwnerAsync("camera được mấy điểm?", sender: Clerk));
        Assert.Equal("survey/welcome", await MessageOwnerAsync("camera được mấy điểm?"));
        // In a staff dialog the question is the dialog's command route, which then repeats the dialog's question.
        Assert.Equal("staff/Ask", await MessageOwnerAsync("camera được mấy điểm?", Phase.Staff, Clerk));
    }

    [Fact]
    public async Task HelpFromTheEnrolled_IsTheirRolesHelp()
    {
        Assert.Equal("staff/help", await MessageOwnerAsync("trợ giúp", sender: Appraiser));
        Assert.Equal("survey/welcome", await MessageOwnerAsync("trợ giúp"));
    }

    [Fact]
    public async Task AStaffDialog_OwnsEveryOtherMessage_AndASurveyInProgressOwnsAll()
    {
        Assert.Equal("staff/dialog", await MessageOwnerAsync("đạt", Phase.Staff, Clerk));
        Assert.Equal("survey/answer", await MessageOwnerAsync("điểm cam-vu", Phase.Survey, Appraiser));
        Assert.Equal("survey/answer", await MessageOwnerAsync("trợ giúp", Phase.Survey, Appraiser));
    }

    [Fact]
    public async Task ASurveyLink_InAMessage_OpensThatSurvey()
    {
        var link = _services.GetRequiredService<SurveyLinks>().Make("citizen", "cam-vu");

        Assert.Equal("survey/link", await MessageOwnerAsync($"https://xa.example/s/{link.Path}"));
        Assert.Equal("survey/link", await MessageOwnerAsync($"https://xa.example/s/{link.Path}", Phase.Survey));
    }

    [Fact]
    public async Task AClickOnAnOldCard_IsRefusedInASurvey_NotTakenAsTheAnswer()
    {
        var click = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "Rất hài lòng",
            Value = JsonSerializer.SerializeToElement(new { answer = "5", prompt = "old-prompt" }),
        };

        Assert.Equal("survey/staleCard", await OwnerAsync(click, Phase.Survey, state: s => s.PromptKey = "current-prompt"));
    }

    [Fact]
    public async Task Activities_GoToTheirRoutes_AndOthersToNone()
    {
        Assert.Equal("survey/joined", await OwnerAsync(new Activity { Type = ActivityTypes.ConversationUpdate }));
        Assert.Equal("survey/start", await OwnerAsync(new Activity { Type = ActivityTypes.Event, Name = SurveyRoutes.StartSurveyEvent }));
        Assert.Null(await OwnerAsync(new Activity { Type = ActivityTypes.Event, Name = "somethingElse" }));
        Assert.Null(await OwnerAsync(new Activity { Type = "typing" }));
    }

    [Fact]
    public void EveryRoute_HasItsOwnName_AndEveryCommandHasARoute()
    {
        var names = _routes.Routes.Select(r => r.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(Enum.GetValues<StaffCommandKind>(), kind => Assert.Contains("staff/" + kind, names));
        Assert.Equal("survey/welcome", names[^1]);
    }
}
