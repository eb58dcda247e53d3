namespace Scoring.Scheme;

/// <summary>
/// A survey as a chat: dialogs/surveys/*.json. Each step has a kind (message, consent, choice,
/// text, summary, submit) that one handler in the bot runs; all its Vietnamese text is here.
/// </summary>
public sealed record SurveyDialog
{
    public required string Id { get; init; }
    public required string Form { get; init; }
    public required string Title { get; init; }

    /// <summary>Extra words accepted for each answer code (the labels and numbers always work).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> AnswerSynonyms { get; init; }

    /// <summary>Synonyms that shift points from what a person may mean ("tạm được", "chưa tốt"): asked back before they are taken.</summary>
    public IReadOnlyList<string> ConfirmSynonyms { get; init; } = [];

    /// <summary>
    /// Words that soften the answer after them ("cũng khá", "chắc là tốt"): the answer is asked back before it is
    /// taken, as a confirm synonym is.
    /// </summary>
    public IReadOnlyList<string> Hedges { get; init; } = [];

    public required IReadOnlyList<DialogStep> Steps { get; init; }
}

public sealed record DialogStep
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public string? Text { get; init; }
    public string? Help { get; init; }

    /// <summary>For a choice over the form's answers: the question's number in the form.</summary>
    public int? Question { get; init; }

    /// <summary>For a choice over its own options, or a text step: the name of the answer it records.</summary>
    public string? Field { get; init; }

    public bool Optional { get; init; }

    /// <summary>A text step for the person's own words (a comment): "Sao thủ tục lâu vậy?" typed there is the comment.</summary>
    public bool Opinion { get; init; }

    public int? MaxLength { get; init; }
    public string? DeclinedText { get; init; }

    /// <summary>
    /// For a consent: what it says when the form goes to the commune as feedback, not to the score
    /// (an open link, a visit outside the round), so the notice never promises what will not happen.
    /// </summary>
    public string? FeedbackText { get; init; }

    /// <summary>
    /// For a text step the invitation may already know the answer to (a registered cadre's name): the question as asked
    /// with that answer offered on a button, to tap rather than type.
    /// </summary>
    public string? KnownText { get; init; }
    public IReadOnlyList<DialogOption>? Options { get; init; }
}

/// <summary>
/// A choice's option. <see cref="OnePerVillage"/>: a cadre role one person holds in a village (the party cell's
/// secretary, the village head, the Front's head), so a village has one registration, and one form, for it.
/// </summary>
public sealed record DialogOption(string Code, string Label, IReadOnlyList<string>? Synonyms, bool OnePerVillage = false);

/// <summary>The step kinds; each maps to one handler in the bot.</summary>
public static class StepKinds
{
    public const string Message = "message";
    public const string Consent = "consent";
    public const string Choice = "choice";
    public const string Text = "text";
    public const string Summary = "summary";
    public const string Submit = "submit";
}
