using Bot.People;
using Bot.State;
using Bot.Turns;
using Bot.Units;

namespace Bot.Staff;

/// <summary>One staff turn: the chat turn, the enrolled person as stored right now (null for a citizen), the unit tree and the scheme year.</summary>
public sealed class StaffTurn(TurnContext turn, Person? person, UnitTree tree, int year)
{
    public TurnContext Turn { get; } = turn;
    public Person? Person { get; } = person;
    public UnitTree Tree { get; } = tree;
    public int Year { get; } = year;

    /// <summary>A note cut to what the scoring core keeps, so a long one is saved rather than refused.</summary>
    public static string Clip(string note) => note.Length > Scoring.Rules.AssessmentScoring.MaxNoteLength ? note[..Scoring.Rules.AssessmentScoring.MaxNoteLength] : note;

    /// <summary>Makes <paramref name="dialog"/> the staff dialog in progress, in place of any other.</summary>
    public void BeginDialog(StaffFrame dialog) => Turn.State.Begin(dialog);

    /// <summary>Makes <paramref name="dialog"/> the staff dialog in progress, over a walk through the rubric, which takes up again when it ends.</summary>
    public void BeginDialogOverAWalk(StaffFrame dialog) => Turn.State.BeginOver(dialog, below => below is WalkFrame);

    /// <summary>Leaves the staff dialog in progress: the walk below it takes up again, or the next message starts afresh.</summary>
    public void EndDialog() => Turn.State.EndDialog();

    /// <summary>Who a saved score is recorded as: the channel's display name, with the enrolment id that vouches for it.</summary>
    public string Signature
    {
        get
        {
            var shown = Scoring.Text.PrintableText.Strip((Turn.Activity.From?.Name ?? "").Trim(), lines: false);
            var name = shown.Length is > 0 and <= 100 ? shown + " " : "";
            return $"{name}[{Person?.Id}]";
        }
    }
}
