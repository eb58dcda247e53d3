using Bot.Dialogs;

namespace Bot.Assistant.Answers;

/// <summary>
/// An official's "xã nào chưa đủ phiếu?", "xã nào có phiếu chờ xét?": the survey round across the unit they appraise,
/// from the scoring core: communes short of their citizen target, forms waiting for a decision, communes without a
/// cadre's form.
/// </summary>
public sealed class SurveyProgressAnswers(AssistantTexts texts, BotTexts common, IUnitRollups rollups)
{
    public async Task<AssistantAnswer> AnswerAsync(Question question, Asker asker, CancellationToken cancellationToken)
    {
        var year = asker.YearOf(question);
        var result = await rollups.SurveyProgressAsync(asker.Person.UnitId, year, cancellationToken);
        if (!result.Ok)
        {
            return new AssistantAnswer(common.CoreFailure(result), AnswerKind.Computed);
        }
        var communes = result.Value!;
        var shortOfTarget = communes.Where(c => c.CitizenMissing > 0).OrderByDescending(c => c.CitizenMissing).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var lines = new List<string>
        {
            texts.Format("answer.progress", ("unit", asker.Tree.NameOf(asker.Person.UnitId)), ("year", year), ("reached", communes.Count - shortOfTarget.Count), ("communes", communes.Count)),
        };
        if (shortOfTarget.Count > 0)
        {
            lines.Add(texts.Format("answer.progressShort", ("count", shortOfTarget.Count), ("communes", texts.Listed(shortOfTarget.Select(c =>
                texts.Format("answer.progressCitizens", ("name", c.Name), ("counted", c.Citizen.Counted), ("target", c.Round.CitizenTarget)))))));
        }
        var held = communes.Where(c => c.Citizen.Held + c.Cadre.Held > 0).OrderByDescending(c => c.Citizen.Held + c.Cadre.Held).ToList();
        var heldNames = texts.Listed(held.Select(c => texts.Format("answer.progressHeldOne", ("name", c.Name), ("held", c.Citizen.Held + c.Cadre.Held))));
        lines.Add(held.Count > 0 ? texts.Format("answer.progressHeld", ("communes", heldNames)) : texts.Text("answer.progressNoneHeld"));
        var noCadre = communes.Where(c => c.Cadre.Counted == 0).ToList();
        if (noCadre.Count > 0)
        {
            lines.Add(texts.Format("answer.progressNoCadre", ("count", noCadre.Count), ("communes", texts.Listed(noCadre.Select(c => c.Name)))));
        }
        lines.Add(texts.Text("answer.progressMoreIn"));
        return new AssistantAnswer(string.Join('\n', lines), AnswerKind.Computed);
    }
}
