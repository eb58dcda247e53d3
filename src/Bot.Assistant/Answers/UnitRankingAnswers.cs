using Bot.CoreClient;
using Bot.Dialogs;
using Bot.Units;
using Microsoft.Extensions.Options;
using Scoring.Rules;
using Scoring.Text;

namespace Bot.Assistant.Answers;

/// <summary>
/// An official's "xã nào điểm cao nhất?", "xã nào thấp điểm nhất?" and the command "xếp hạng [đơn vị] [năm]": the
/// communes of a unit that have submitted, by total, highest (or lowest) first, each with its level and whether that
/// result is appraised or still the commune's own. The scheme grades by level, not by rank, and the answer says so.
/// </summary>
public sealed class UnitRankingAnswers(AssistantTexts texts, BotTexts common, ICommuneScorecards scorecards, IOptions<ScoringCoreOptions> coreOptions)
{
    public const int Shown = 10;

    /// <summary>"Xã Cẩm Vũ xếp thứ mấy?": a commune named (in the official's scope) is found in the list, and its place said.</summary>
    public Task<AssistantAnswer> AnswerAsync(Question question, Asker asker, CancellationToken cancellationToken) =>
        RankAsync(asker.Tree, asker.Person.UnitId, asker.YearOf(question), texts.RankingLowest.FoundIn(question), cancellationToken,
            CommuneMention.Find(question, asker.Person, asker.Tree)?.Id);

    /// <param name="placeOf">A commune within the unit whose place is said after the list, wherever it stands.</param>
    public async Task<AssistantAnswer> RankAsync(UnitTree tree, string unitId, int year, bool lowestFirst, CancellationToken cancellationToken, string? placeOf = null)
    {
        var communes = tree.CommunesWithin(unitId);
        var cards = new CoreResult<Scorecard>[communes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, communes.Count), new ParallelOptions { MaxDegreeOfParallelism = coreOptions.Value.ReadsAtOnce, CancellationToken = cancellationToken },
            async (i, token) => cards[i] = await scorecards.GetAsync(communes[i].Id, year, token));
        if (cards.FirstOrDefault(card => !card.Ok) is { } failed)
        {
            return new AssistantAnswer(common.CoreFailure(failed), AnswerKind.Computed);
        }
        var unit = tree.NameOf(unitId);
        var withResult = communes.Select((commune, i) => (commune.Name, Card: cards[i].Value!))
            .Where(c => HasResult(c.Card))
            .ToList();
        if (withResult.Count == 0)
        {
            return new AssistantAnswer(texts.Format("answer.rankingNone", ("unit", unit), ("year", year)), AnswerKind.Computed);
        }
        var ordered = (lowestFirst ? withResult.OrderBy(c => c.Card.Total) : withResult.OrderByDescending(c => c.Card.Total))
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var lines = new List<string>
        {
            texts.Format(lowestFirst ? "answer.rankingLowest" : "answer.ranking", ("unit", unit), ("year", year), ("count", withResult.Count)),
        };
        for (var i = 0; i < Math.Min(Shown, ordered.Count); i++)
        {
            var (name, card) = ordered[i];
            lines.Add(texts.Format("answer.rankingLine", ("rank", PlaceOf(card.Total, withResult, lowestFirst)), ("commune", name), ("points", VietnameseFormat.Points(card.Total)),
                ("level", card.LevelName), ("status", texts.Text("answer.rankingStatus." + card.Status))));
        }
        if (ordered.Count > Shown)
        {
            lines.Add(texts.Format("answer.rankingMore", ("count", ordered.Count - Shown)));
        }
        if (communes.Count > withResult.Count)
        {
            lines.Add(texts.Format("answer.rankingNotSubmitted", ("count", communes.Count - withResult.Count)));
        }
        if (placeOf is not null)
        {
            lines.Add(Place(tree.NameOf(placeOf), withResult.Find(c => c.Card.CommuneId == placeOf).Card, withResult, lowestFirst));
        }
        lines.Add(texts.Text("answer.rankingNote"));
        return new AssistantAnswer(string.Join('\n', lines), AnswerKind.Computed);
    }

    /// <summary>The named commune's place, or that it has none yet.</summary>
    private string Place(string commune, Scorecard? card, List<(string Name, Scorecard Card)> withResult, bool lowestFirst) =>
        card is null
            ? texts.Format("answer.rankingPlaceNone", ("commune", commune))
            : texts.Format("answer.rankingPlace", ("commune", commune), ("rank", PlaceOf(card.Total, withResult, lowestFirst)), ("count", withResult.Count),
                ("points", VietnameseFormat.Points(card.Total)));

    /// <summary>Submitted, whatever came after: a draft or nothing has no total to rank.</summary>
    private static bool HasResult(Scorecard card) =>
        card.Status != ResultStatuses.Name(ResultStatus.None) && card.Status != ResultStatuses.Name(ResultStatus.Draft);

    /// <summary>Counted from the top (from the bottom when the list runs lowest first); equal totals share a place, and the next place counts them all ("1, 2, 2, 4").</summary>
    private static int PlaceOf(decimal total, List<(string Name, Scorecard Card)> withResult, bool lowestFirst) =>
        withResult.Count(c => lowestFirst ? c.Card.Total < total : c.Card.Total > total) + 1;
}
