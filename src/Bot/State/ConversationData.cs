namespace Bot.State;

/// <summary>What the bot remembers of one conversation between turns (stored as JSON in Redis).</summary>
public sealed class ConversationData
{
    public string Phase { get; set; } = Phases.Idle;
    public SurveyProgress? Survey { get; set; }

    /// <summary>The survey last finished or cancelled here, so "bắt đầu lại" can start it again.</summary>
    public SurveyStart? LastSurvey { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The key of the question now waiting for an answer (<see cref="Activities.CardAnswer.KeyOf"/>): clicks on older cards are stale.</summary>
    public string? PromptKey { get; set; }
}

public static class Phases
{
    public const string Idle = "idle";
    public const string AskingCommune = "askingCommune";
    public const string Survey = "survey";
    public const string Ended = "ended";
}

/// <summary>Where a survey is: which one, for which commune, the current step and the answers so far.</summary>
public sealed class SurveyProgress
{
    public required string DialogId { get; set; }
    public required string CommuneId { get; set; }
    public required string CommuneName { get; set; }
    public string? CaseCode { get; set; }
    public required int Year { get; set; }

    /// <summary>The id the scoring core will know this form by: fixed at the start, so a retried submission can never count twice.</summary>
    public required string ResponseId { get; set; }

    public int Step { get; set; }
    public Dictionary<string, string> Answers { get; set; } = [];

    /// <summary>Steps answered, most recent last: "quay lại" pops one.</summary>
    public List<int> History { get; set; } = [];

    /// <summary>Unrecognised answers in a row at the current step; after three the bot offers help.</summary>
    public int Invalid { get; set; }

    /// <summary>Set by "sửa N" at the summary: after the answer, go back to the summary.</summary>
    public bool ReturnToSummary { get; set; }

    public DateTimeOffset StartedAt { get; set; }
}

public sealed record SurveyStart(string DialogId, string CommuneId, string? CaseCode);
