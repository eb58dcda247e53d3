using Bot.CoreClient;
using Bot.People;
using Scoring.Rules;
using ScoringCore.Contracts;

namespace Bot.Staff.Surveys;

/// <summary>
/// "góp ý [xã] [năm]": what people wrote in the survey's comment box to a commune, newest first. Commune staff read
/// their own commune's words only: not who wrote them, nor when, so that no one at the commune can tie an opinion to
/// the person at the desk that day. The appraising level, which runs the surveys, also reads when and the name and
/// address a person chose to sign with (docs/decisions/024).
/// </summary>
public sealed class FormComments(ScoringRules rules, ScoringCoreClient core, StaffTexts texts)
{
    // A chat message stays readable on a phone: the newest few, each cut to a paragraph; the API has them whole.
    private const int Shown = 10;
    private const int ShownLength = 400;

    public async Task ListAsync(StaffTurn staff, string rest, CancellationToken cancellationToken)
    {
        var (typed, named) = UnitLookup.SplitYear(rest, texts, staff.Year);
        var year = named ?? staff.Year;
        if (!rules.IsSchemeYear(year))
        {
            staff.Turn.Say(texts.BadYear(rules));
            return;
        }
        var signed = staff.Person!.Role != StaffRole.Staff;
        // Staff mean their own commune; officials must say which.
        var commune = !signed && typed.Length == 0
            ? staff.Tree.Find(staff.Person.UnitId)
            : UnitLookup.Commune(staff, texts, typed, texts.Comments.Canonical);
        if (commune is null)
        {
            return;
        }
        var result = await core.GetCommentsAsync(commune.Id!, year, cancellationToken);
        if (!result.Ok)
        {
            staff.Turn.Say(texts.CoreFailure(result));
            return;
        }
        var comments = result.Value!;
        if (comments.Count == 0)
        {
            staff.Turn.Say(texts.Format("staff.comments.none", ("communeName", commune.Name), ("year", year)));
            return;
        }
        var lines = comments.Take(Shown).Select((c, i) => signed ? SignedLine(c, i + 1) : texts.Format("staff.comments.line",
            ("n", i + 1), ("form", texts.Text("staff.form." + c.Form)), ("comment", Shortened(c.Comment))));
        var more = comments.Count > Shown ? [texts.Format("staff.comments.more", ("count", comments.Count - Shown))] : Array.Empty<string>();
        staff.Turn.Say(string.Join("\n",
        [
            texts.Format("staff.comments.title", ("communeName", commune.Name), ("year", year), ("count", comments.Count)),
            .. lines, .. more, texts.Text(signed ? "staff.comments.signedNote" : "staff.comments.unsignedNote"),
        ]));
    }

    private string SignedLine(FormComment comment, int n)
    {
        var signature = string.Join(", ", new[] { comment.Name, comment.Address }.OfType<string>());
        return texts.Format("staff.comments.signedLine",
            ("n", n), ("at", CoreInstants.Local(comment.SubmittedAt, rules.Calendar.Offset, "dd/MM/yyyy")), ("form", texts.Text("staff.form." + comment.Form)),
            ("comment", Shortened(comment.Comment)),
            ("signature", signature.Length > 0 ? texts.Format("staff.comments.signature", ("signature", signature)) : ""));
    }

    /// <summary>One paragraph of a chat line: line breaks become spaces, and a long comment is cut at a word.</summary>
    private static string Shortened(string comment)
    {
        var flat = string.Join(' ', comment.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (flat.Length <= ShownLength)
        {
            return flat;
        }
        var cut = flat.LastIndexOf(' ', ShownLength);
        return flat[..(cut > ShownLength / 2 ? cut : ShownLength)].TrimEnd() + "…";
    }
}
