using Scoring.Scheme;

namespace Bot.Dialogs;

/// <summary>
/// A citizen's question where the survey waits for a choice ("trả lời có bị lộ tên không?", "phiếu này để làm gì?",
/// "còn mấy câu?", "mã ở đâu?", "tôi muốn khiếu nại cán bộ", "tôi không biết", "câu này hỏi gì?"), or for a name or an address ("tên có bị lộ không?"):
/// answered briefly from what the form itself says, then the same question is asked again. Not at a comment, where
/// "Sao thủ tục lâu vậy?" is the comment.
/// </summary>
public sealed class AskedInSurvey(BotTexts texts)
{
    private readonly WordList _privacy = texts.WordsAt("words.askedPrivacy");
    private readonly WordList _length = texts.WordsAt("words.askedLength");
    private readonly WordList _purpose = texts.WordsAt("words.askedPurpose");
    private readonly WordList _meaning = texts.WordsAt("words.askedMeaning");
    private readonly WordList _whichToChoose = texts.WordsAt("words.askedWhichToChoose");
    private readonly WordList _complaint = texts.WordsAt("words.askedComplaint");
    private readonly WordList _code = texts.WordsAt("words.askedCode");
    private readonly WordList _dontKnow = texts.DontKnow;
    private readonly WordList _notUnderstood = texts.WordsAt("words.askedNotUnderstood");
    private readonly WordList _anyTopic = new(string.Join('|',
        texts["words.askedPrivacy"], texts["words.askedLength"], texts["words.askedPurpose"], texts["words.askedMeaning"], texts["words.askedWhichToChoose"],
        texts["words.askedComplaint"], texts["words.askedCode"], texts["words.dontKnow"], texts["words.askedNotUnderstood"]), texts.Politeness);

    /// <summary>
    /// What a choice step could not read, or only guessed from a sentence, with a question mark or words only a question has; at a name or an address,
    /// which take any words ("Tên tôi là Lan"), only a question mark.
    /// </summary>
    public bool IsQuestion(string text, DialogStep step, StepResult read)
    {
        var marked = text.TrimEnd().EndsWith('?');
        return step.Kind == StepKinds.Text
            ? !step.Opinion && marked
            : (read.Outcome == StepOutcome.Invalid || read.Guessed) && (marked || _anyTopic.Within(TextNormalizer.Key(text)));
    }

    public string Answer(string text, StepContext context)
    {
        var key = TextNormalizer.Key(text);
        if (_privacy.Within(key))
        {
            return context.Fill(texts["asked.privacy"]);
        }
        if (_length.Within(key))
        {
            var steps = context.Dialog.Steps;
            // Where the person is, the question asked again right after says ("Câu 2/5").
            var choices = steps.Count(s => s.Kind == StepKinds.Choice);
            var optional = steps.Count(s => s.Optional && !context.Progress.FixedSteps.Contains(s.Id));
            return texts.Format("asked.length", ("choices", choices), ("optional", optional));
        }
        // "Tôi muốn khiếu nại cán bộ": where to write it in this form, and that a form is not a complaint.
        if (_complaint.Within(key))
        {
            return context.Fill(texts["asked.complaint"]);
        }
        // "Mã ở đâu?", "tôi có phiếu hẹn": where the code that makes a form count is, or that this form already has one.
        if (_code.Within(key))
        {
            return CodeAnswer(context);
        }
        var options = context.Step.Kind == StepKinds.Choice ? ChoiceOptions.For(context) : [];
        // "Tôi không hiểu câu hỏi", "câu này hỏi gì vậy": a question's text is the form's, long and formal, so it is said
        // again in the step's plain words. At a step that rates nothing (the consent, a cadre's role), "không biết" too
        // gets what the step asks, not "chọn mức".
        var rates = context.Step.Question is not null && options.Count > 0;
        if (context.Step.Help is { } plain && (_notUnderstood.Within(key) || (!rates && _dontKnow.Within(key))))
        {
            return rates ? texts.Format("asked.plainer", ("help", context.Fill(plain)), ("choices", Listed(options))) : context.Fill(plain);
        }
        if (options.Count > 0 && AsksWhatToChoose(key, options))
        {
            return texts.Format("asked.meaning", ("choices", Listed(options)));
        }
        if (_purpose.Within(key))
        {
            return context.Fill(texts["asked.purpose"]);
        }
        // "Tôi không biết": the same choices, without steering, rather than "chưa hiểu" for an honest answer.
        return options.Count > 0 && _dontKnow.Within(key)
            ? texts.Format("asked.dontKnow", ("choices", Listed(options)))
            : context.Fill(texts["asked.other"]);
    }

    private static string Listed(IReadOnlyList<DialogOption> options) => string.Join(", ", options.Select(o => $"“{o.Label}”"));

    /// <summary>
    /// A form started from an invitation already counts by it; an open one is told where its survey's code is given
    /// (a citizen's on the appointment slip, a cadre's sent to each), and that without one the form still reaches the commune.
    /// </summary>
    private string CodeAnswer(StepContext context)
    {
        if (context.Progress.Origin.InvitationHash is not null)
        {
            return texts["asked.codeTaken"];
        }
        var key = "asked.code." + context.Dialog.Id;
        return context.Fill(texts[texts.Has(key) ? key : "asked.other"]);
    }

    /// <summary>
    /// "trung bình là sao?", "nên chọn gì?": what an option means or which to pick, answered without steering the
    /// person. "là gì" alone ("phiếu này là gì?") asks what the form is for, so it counts only beside an option's name.
    /// </summary>
    private bool AsksWhatToChoose(string key, IReadOnlyList<DialogOption> options) =>
        _whichToChoose.Within(key) || (_meaning.Within(key) && options.Any(o => TextNormalizer.ContainsWords(key, TextNormalizer.Key(o.Label))));

}
