using Scoring.Text;
using ScoringCore.Api;

namespace ScoringCore.Validation;

/// <summary>
/// The one check of a free text the core keeps (a name, a reason, a note, who decided): given where
/// required, within its length, and printable (<see cref="PrintableText"/>); over several lines
/// only where <paramref name="lines"/> says so.
/// </summary>
public static class TextFields
{
    public static ApiError? CheckText(this ApiProblems problems, string field, string? value, int max,
        bool required = true, bool lines = false, string requiredKey = "field.required")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? problems.BadRequest(field, requiredKey) : null;
        }
        if (value.Length > max)
        {
            return problems.BadRequest(field, "field.tooLong", ("max", max));
        }
        return PrintableText.FirstUnprintable(value, lines) switch
        {
            null => null,
            '\n' or '\r' or '\t' => problems.BadRequest(field, "field.oneLine"),
            char c => problems.BadRequest(field, "field.unprintable", ("code", PrintableText.Code(c))),
        };
    }
}
