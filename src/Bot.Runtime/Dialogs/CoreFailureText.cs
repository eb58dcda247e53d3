using System.Text.RegularExpressions;
using Bot.CoreClient;

namespace Bot.Dialogs;

public static partial class CoreFailureText
{
    /// <summary>What to tell a person when the scoring core said no (its reason) or did not answer.</summary>
    public static string CoreFailure<T>(this BotTexts texts, CoreResult<T> result) =>
        result.Outcome == CoreOutcome.Refused
            ? texts.Format("staff.coreRefused", ("detail", FieldInWords(texts, result.Detail, result.Field)))
            : texts["staff.coreDown"];

    /// <summary>
    /// The core's refusals name the API field ("Trường decidedBy dài quá 200 ký tự"), right for a program calling it and
    /// opaque in chat. There the field's name from dialogs/ (staff.field.*, by its first segment, the rest as {rest}:
    /// "reasons.1.1.a" is "lý do của mục 1.1.a") takes the place of "trường &lt;field&gt;" ("Tên người quyết định dài
    /// quá 200 ký tự"). A field with no name there is left as the core wrote it.
    /// </summary>
    public static string FieldInWords(BotTexts texts, string detail, string field)
    {
        var first = FirstSegment().Match(field).Value;
        var key = "staff.field." + first;
        if (field.Length == 0 || !texts.Has(key))
        {
            return detail;
        }
        var name = texts.Format(key, ("rest", field[first.Length..].TrimStart('.')));
        return Regex.Replace(detail, @"(?<start>^|\.\s+)?[Tt]rường\s+" + Regex.Escape(field) + @"(?![\w\[]|\.\w)", match =>
            match.Groups["start"].Success
                ? match.Groups["start"].Value + char.ToUpperInvariant(name[0]) + name[1..]
                : name);
    }

    [GeneratedRegex(@"^[A-Za-z]+")]
    private static partial Regex FirstSegment();
}
