using Bot.Assistant;
using Bot.Assistant.Answering;
using Bot.Assistant.Answers;
using Bot.Assistant.Model;
using Bot.CoreClient;
using Bot.People;
using Bot.Units;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Scoring.Loading;
using Scoring.Rules;
using ScoringCore.Contracts;

namespace Bot.Tests.Assistant;

/// <summary>
/// The assistant as the service wires it, over the real dialogs/ folder, with the scoring core's
/// scorecards behind a Moq stand-in (a seam of our own) and the model, when wanted, at a fake.
/// </summary>
public sealed class AssistantHost : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(7));

    public static readonly UnitTree Tree = new([
        new UnitDto("hd", "Tỉnh Hải Dương", "province", null),
        new UnitDto("cam-vu", "Xã Cẩm Vũ", UnitTree.CommuneKind, "hd"),
        new UnitDto("cam-binh", "Xã Cẩm Bình", UnitTree.CommuneKind, "hd"),
        new UnitDto("tu-minh", "Phường Tứ Minh", UnitTree.CommuneKind, "hd"),
    ]);

    private readonly ServiceProvider _services;

    public AssistantHost(Action<AzureOpenAIOptions>? model = null, Action<IServiceCollection>? more = null)
    {
        _services = AssistantWiring.Build(SchemeLoader.Load(), Scorecards.Object, model, more);
        Rules = _services.GetRequiredService<ScoringRules>();
    }

    public Mock<ICommuneScorecards> Scorecards { get; } = new(MockBehavior.Strict);

    public ScoringRules Rules { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public Task<AssistantAnswer> AskAsync(string question, StaffRole role = StaffRole.Staff, string unitId = "cam-vu") =>
        Get<ScoringAssistant>().AnswerAsync(question, new Asker(new Person("p-test", role, unitId, Now, "test", ["webchat:u"]), Tree, 2026, Now), CancellationToken.None);

    /// <summary>Cẩm Vũ's scorecard: 78,5 points, self-scored only, with the items that lose most.</summary>
    public void GivenScorecard(string communeId = "cam-vu", decimal total = 78.5m, bool surveys = true)
    {
        var lost = new List<LostPoints> { new("1.6", "TTHC đúng hạn", 7), new("5.1", "Trả kết quả tại nhà", 3.5m), new("2.4.e.2", "Giải quyết ý kiến", 1.5m) };
        var a1 = surveys ? 8.5m : 0;
        var a2 = surveys ? 9m : 0;
        var card = new Scorecard(communeId, 2026, new SurveyPartScore(a1, surveys ? 120 : 0, null), new SurveyPartScore(a2, surveys ? 30 : 0, null),
            new PartBCard(total - a1 - a2, null, total - a1 - a2, []), total, Rules.Levels.Classify(total, false).Code, Rules.Levels.Classify(total, false).Name,
            false, null, Rules.Levels.Next(total, false), lost);
        Scorecards.Setup(s => s.GetAsync(communeId, 2026, It.IsAny<CancellationToken>())).ReturnsAsync(CoreResult.Success(card));
    }

    /// <summary>A commune's scorecard with part B's points and the result's status ("submitted", "appraised"…), and its surveys if given.</summary>
    public void GivenCard(string communeId, decimal partB, string status, SurveyPartScore? a1 = null, SurveyPartScore? a2 = null, int year = 2026)
    {
        a1 ??= new SurveyPartScore(0, 0, null);
        a2 ??= new SurveyPartScore(0, 0, null);
        var total = partB + a1.Score + a2.Score;
        var level = Rules.Levels.Classify(total, false);
        var card = new Scorecard(communeId, year, a1, a2, new PartBCard(partB, null, partB, []), total, level.Code, level.Name, false, null, null, [],
            Submitted: status is not ("none" or "draft"), Status: status);
        Scorecards.Setup(s => s.GetAsync(communeId, year, It.IsAny<CancellationToken>())).ReturnsAsync(CoreResult.Success(card));
    }

    public void Dispose() => _services.Dispose();
}
