using Bot.Assistant.Search;
using Bot.Dialogs;

namespace Bot.Assistant;

/// <summary>The assistant's phrase lists and answer texts from dialogs/text/assistant.vi.json, parsed once.</summary>
public sealed class AssistantTexts(BotTexts texts)
{
    public PhraseList Interrogatives { get; } = Phrases(texts, "words.interrogatives");

    /// <summary>"có … không", "đã … chưa": the first word somewhere before the last, which ends the question.</summary>
    public IReadOnlyList<(string Opens, string Closes)> YesNo { get; } =
        [.. texts["assistant.words.yesNo"].Split('|').Select(pair => pair.Split('…')).Select(p => (Fold(p[0]), Fold(p[1])))];

    public IReadOnlySet<string> TrailingParticles { get; } = Phrases(texts, "words.trailingParticles").Syllables;
    public IReadOnlySet<string> Noise { get; } = Phrases(texts, "words.noise").Syllables;

    /// <summary>"Năm ngoái" (-1), "năm sau" (+1) anywhere in a question; shared with the staff's commands.</summary>
    public IReadOnlyList<(PhraseList Phrases, int Offset)> RelativeYears { get; } = [.. texts.RelativeYears.Select(year => (new PhraseList(year.Phrases), year.Offset))];

    /// <summary>Everyday names for the scheme's terms ("một cửa" for the one-stop desk's formal name), added to a search.</summary>
    public IReadOnlyList<(Question Alias, IReadOnlyList<string> Meaning)> Aliases { get; } =
        [.. texts["assistant.words.aliases"].Split('|').Select(pair => pair.Split('=')).Select(p => (new Question(p[0]), VietnameseTokenizer.Syllables(p[1])))];

    public PhraseList Points { get; } = Phrases(texts, "intent.points");
    public PhraseList Level { get; } = Phrases(texts, "intent.level");
    public PhraseList LevelsNamed { get; } = Phrases(texts, "intent.levelsNamed");
    public PhraseList Classify { get; } = Phrases(texts, "intent.classify");
    public PhraseList When { get; } = Phrases(texts, "intent.when");
    public PhraseList NotADeadline { get; } = Phrases(texts, "intent.notADeadline");
    public PhraseList SelfAssessment { get; } = Phrases(texts, "intent.selfAssessment");
    public PhraseList Appraisal { get; } = Phrases(texts, "intent.appraisal");
    public PhraseList Recognition { get; } = Phrases(texts, "intent.recognition");
    public PhraseList WhoDecides { get; } = Phrases(texts, "intent.whoDecides");
    public PhraseList Survey { get; } = Phrases(texts, "intent.survey");
    public PhraseList SurveyScoring { get; } = Phrases(texts, "intent.surveyScoring");
    public PhraseList HowComputed { get; } = Phrases(texts, "intent.howComputed");
    public PhraseList SurveySample { get; } = Phrases(texts, "intent.surveySample");
    public PhraseList SurveyWho { get; } = Phrases(texts, "intent.surveyWho");
    public PhraseList SurveySoFar { get; } = Phrases(texts, "intent.surveySoFar");
    public PhraseList SurveyRequired { get; } = Phrases(texts, "intent.surveyRequired");
    public PhraseList WhichScore { get; } = Phrases(texts, "intent.whichScore");
    public PhraseList Targets { get; } = Phrases(texts, "intent.targets");
    public PhraseList Step { get; } = Phrases(texts, "intent.step");
    public PhraseList ThisItem { get; } = Phrases(texts, "intent.thisItem");
    public PhraseList ThisCriterion { get; } = Phrases(texts, "intent.thisCriterion");
    public PhraseList Own { get; } = Phrases(texts, "intent.own");
    public PhraseList Gap { get; } = Phrases(texts, "intent.gap");

    /// <summary>"Được khen thưởng gì?", "bị kỷ luật thì sao?": commendation and discipline, asked of the scheme's texts, never answered with the levels that "đạt chuẩn" would pick.</summary>
    public PhraseList Reward { get; } = Phrases(texts, "intent.reward");

    /// <summary>"Bị trừ điểm": the commune's own losses, unless an item is named ("hồ sơ quá hạn có bị trừ điểm không?").</summary>
    public PhraseList Loss { get; } = Phrases(texts, "intent.loss");

    public PhraseList Standing { get; } = Phrases(texts, "intent.standing");

    /// <summary>"Xã mình có bị không xét không?": where the commune stands, whether or not a case not assessed is recorded.</summary>
    public PhraseList NotAssessed { get; } = Phrases(texts, "intent.notAssessed");
    public PhraseList WhatIf { get; } = Phrases(texts, "intent.whatIf");
    public PhraseList AfterSubmission { get; } = Phrases(texts, "intent.afterSubmission");
    public PhraseList Rollup { get; } = Phrases(texts, "intent.rollup");
    public PhraseList Ranking { get; } = Phrases(texts, "intent.ranking");
    public PhraseList RankingExtreme { get; } = Phrases(texts, "intent.rankingExtreme");
    public PhraseList RankingLowest { get; } = Phrases(texts, "intent.rankingLowest");
    public PhraseList Total { get; } = Phrases(texts, "intent.total");
    public PhraseList PartB { get; } = Phrases(texts, "intent.partB");
    public PhraseList CitizenForm { get; } = Phrases(texts, "intent.surveyForm.citizen");
    public PhraseList CadreForm { get; } = Phrases(texts, "intent.surveyForm.cadre");

    public string Text(string key) => texts["assistant." + key];

    public string Format(string key, params (string Name, object? Value)[] values) => texts.Format("assistant." + key, values);

    /// <summary>"A, B, C và 4 xã khác": the first <paramref name="shown"/> of a list of communes, and how many more.</summary>
    public string Listed(IEnumerable<string> items, int shown = 10)
    {
        var all = items.ToList();
        var listed = all.Take(shown).ToList();
        if (all.Count > shown)
        {
            listed.Add(Format("answer.rollupMore", ("count", all.Count - shown)));
        }
        return string.Join(", ", listed);
    }

    private static PhraseList Phrases(BotTexts texts, string key) => new(texts["assistant." + key]);

    private static string Fold(string word) => string.Join(' ', Search.VietnameseTokenizer.Syllables(word));
}
