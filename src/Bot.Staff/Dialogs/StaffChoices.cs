using Bot.Dialogs;
using Scoring.Scheme;

namespace Bot.Staff.Dialogs;

/// <summary>
/// A choice a staff dialog offers as buttons (a cadre's role, a disqualification's case): read by
/// its number in the list, its label, a synonym or its code, as the citizens' survey reads an
/// answer; anything else is asked again with the numbered list, which is also how it is typed
/// where a channel shows no buttons.
/// </summary>
public static class StaffChoices
{
    public static DialogOption? Read(StaffTexts texts, IReadOnlyList<DialogOption> options, string key) =>
        ChoiceOptions.Match(options, key, texts.All.Politeness) ?? options.FirstOrDefault(o => o.Code == key);

    /// <summary>
    /// Where a note was asked (evidence, a reason) and the line began with another score the item allows ("0,5 vì chưa
    /// đủ"): "Sửa điểm" takes it as a new score with its note; the other option keeps the whole line as the note.
    /// </summary>
    public static IReadOnlyList<DialogOption> ScoreOrNote(StaffTexts texts, string note) =>
    [
        new("rescore", texts.Text("staff.option.rescore"), texts.Text("staff.words.rescore").Split('|')),
        new("note", texts.Text("staff.option." + note), texts.Text("staff.words." + note).Split('|')),
    ];

    /// <summary>"… Xin bấm một nút, hoặc gõ số: 1. …; 2. …": what was not understood, and how to answer.</summary>
    public static string Again(StaffTexts texts, IReadOnlyList<DialogOption> options) =>
        texts.Format("staff.choice.again", ("options", string.Join("; ", options.Select((o, i) => $"{i + 1}. {o.Label}"))));
}
