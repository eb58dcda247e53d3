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
    public static DialogOption? Read(IReadOnlyList<DialogOption> options, string key) =>
        ChoiceOptions.Match(options, key) ?? options.FirstOrDefault(o => o.Code == key);

    /// <summary>"… Xin bấm một nút, hoặc gõ số: 1. …; 2. …": what was not understood, and how to answer.</summary>
    public static string Again(StaffTexts texts, IReadOnlyList<DialogOption> options) =>
        texts.Format("staff.choice.again", ("options", string.Join("; ", options.Select((o, i) => $"{i + 1}. {o.Label}"))));
}
