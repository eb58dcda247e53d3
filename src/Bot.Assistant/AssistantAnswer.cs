namespace Bot.Assistant;

/// <summary>How an answer was made, for the metrics and the tests.</summary>
public enum AnswerKind
{
    /// <summary>Worked out from the scheme's rules or the commune's scorecard.</summary>
    Computed,

    /// <summary>A quoted passage found by the offline search.</summary>
    Retrieved,

    /// <summary>Written by the model from retrieved passages.</summary>
    Model,

    /// <summary>Politely declined: nothing in the scheme answers it.</summary>
    Declined,
}

public sealed record AssistantAnswer(string Text, AnswerKind Kind);
