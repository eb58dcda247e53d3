using Bot.Assistant.Answers;
using Bot.Assistant.Model;
using Bot.People;

namespace Bot.Assistant.Answering;

/// <summary>
/// Answers a staff member's or official's question about the scheme. Computable questions are
/// computed; free-form ones go to the model when one is configured, grounded in the retrieved
/// passages and the asker's own commune, and otherwise (or when it fails) to the offline search.
/// </summary>
public sealed class ScoringAssistant(OfflineAssistant offline, ModelAssistant model, ICommuneScorecards scorecards, AssistantTexts texts, AssistantMetrics metrics)
{
    public async Task<AssistantAnswer> AnswerAsync(string text, Asker asker, CancellationToken cancellationToken)
    {
        var question = offline.Read(text, asker);
        var answer = await offline.ComputeAsync(question, asker, cancellationToken) ?? await FreeFormAsync(question, asker, cancellationToken);
        metrics.OnAnswer(answer.Kind);
        return answer;
    }

    private async Task<AssistantAnswer> FreeFormAsync(Question question, Asker asker, CancellationToken cancellationToken)
    {
        var hits = offline.Search(question);
        var offlineAnswer = offline.Retrieve(hits);
        if (!model.IsConfigured || hits.Count == 0)
        {
            return offlineAnswer;
        }
        var (permitted, communeId) = await PermittedAsync(question, asker, cancellationToken);
        var forbidden = asker.Tree.Communes.Where(c => c.Id != communeId).Select(c => c.Name);
        return await model.TryAnswerAsync(question, hits, permitted, forbidden, cancellationToken) ?? offlineAnswer;
    }

    /// <summary>
    /// The only data of the service the model may see: the scorecard of the asker's own commune,
    /// or for an official the commune named in the question if it is within their scope.
    /// </summary>
    private async Task<(string? Text, string? CommuneId)> PermittedAsync(Question question, Asker asker, CancellationToken cancellationToken)
    {
        if (CommuneMention.Find(question, asker.Person, asker.Tree) is not { Id: { } communeId } commune)
        {
            return (null, null);
        }
        var year = asker.YearOf(question);
        var result = await scorecards.GetAsync(communeId, year, cancellationToken);
        if (!result.Ok)
        {
            return (null, communeId);
        }
        var card = result.Value!;
        var lost = string.Join(", ", card.LostPoints.Select(l => $"{l.Id} ({Scoring.Text.VietnameseFormat.Points(l.Lost)})"));
        return (texts.Format("model.scorecard", ("commune", commune.Name), ("year", year), ("total", P(card.Total)), ("a1", P(card.A1.Score)),
            ("a2", P(card.A2.Score)), ("b", P(card.B.Final)), ("level", card.LevelName), ("items", lost)), communeId);
    }

    private static string P(decimal points) => Scoring.Text.VietnameseFormat.Points(points);
}
