using Bot.CoreClient;
using Bot.Dialogs;
using Bot.People;
using Scoring.Rules;

namespace Bot.Assistant.Answers;

/// <summary>A commune's scorecard for a year; the scoring core's in the service, a stand-in in unit tests.</summary>
public interface ICommuneScorecards
{
    Task<CoreResult<Scorecard>> GetAsync(string communeId, int year, CancellationToken cancellationToken);
}

public sealed class CoreScorecards(ScoringCoreClient core) : ICommuneScorecards
{
    public Task<CoreResult<Scorecard>> GetAsync(string communeId, int year, CancellationToken cancellationToken) =>
        core.GetScorecardAsync(communeId, year, cancellationToken);
}

public static class AskedScorecards
{
    /// <summary>
    /// The scorecard of the commune a question is about (<see cref="CommuneMention"/>), for the year asked, with the
    /// commune's name; or, with no card, what to say instead: which commune, or that the core did not answer.
    /// </summary>
    public static async Task<(string Commune, int Year, Scorecard? Card, string? Instead)> ReadAsync(
        this ICommuneScorecards scorecards, Question question, Asker asker, AssistantTexts texts, BotTexts common, CancellationToken cancellationToken)
    {
        var year = asker.YearOf(question);
        if (CommuneMention.Find(question, asker.Person, asker.Tree) is not { Id: { } communeId } commune)
        {
            return ("", year, null, texts.Text(asker.Person.Role == StaffRole.Staff ? "answer.gapUnknownCommune" : "answer.gapWhichCommune"));
        }
        var result = await scorecards.GetAsync(communeId, year, cancellationToken);
        return result.Ok ? (commune.Name ?? communeId, year, result.Value, null) : ("", year, null, common.CoreFailure(result));
    }
}
