using Bot.Dialogs;
using Bot.People;
using Bot.Units;
using ScoringCore.Contracts;

namespace Bot.Staff;

/// <summary>
/// Finds a unit by what was typed (its id, or its name with or without diacritics and the
/// "xã/phường" prefix), searching only the person's own scope: a name outside it is simply not
/// found, so the answer never reveals what exists elsewhere.
/// </summary>
public static class UnitLookup
{
    public static IReadOnlyList<UnitDto> Find(string typed, Person person, UnitTree tree, bool communesOnly)
    {
        var scope = tree.Within(person.UnitId).Where(u => !communesOnly || u.Kind == UnitTree.CommuneKind).ToList();
        var id = typed.Trim();
        if (scope.FirstOrDefault(u => u.Id == id) is { } byId)
        {
            return [byId];
        }
        var named = CommuneNameMatcher.Match(scope.Select(u => new Commune(u.Id!, u.Name!)), typed);
        return [.. named.Select(c => tree.Find(c.Id)!)];
    }

    /// <summary>Resolves to one unit, or says why not (unknown in scope, or which of several) and returns null.</summary>
    public static UnitDto? One(StaffTurn staff, StaffTexts texts, string typed, bool communesOnly, string command)
    {
        var found = Find(typed, staff.Person!, staff.Tree, communesOnly);
        switch (found.Count)
        {
            case 1:
                return found[0];
            case 0:
                // Said with the command: a name typed alone next would not be read as its answer.
                staff.Turn.Say(texts.Format("staff.unitUnknown", ("text", typed), ("command", command)));
                return null;
            default:
                staff.Turn.Say(texts.Text("staff.unitChoose"), [.. found.Select(u => Bot.Activities.CardAction.ImBack(u.Name!, $"{command} {u.Id}"))]);
                return null;
        }
    }

    /// <summary>
    /// The commune a command names ("thẩm định Cẩm Vũ"), within the person's scope; when none is
    /// typed, or it is unknown or ambiguous, says so (with <paramref name="command"/> as the example) and returns null.
    /// </summary>
    public static UnitDto? Commune(StaffTurn staff, StaffTexts texts, string typed, string command)
    {
        if (typed.Length == 0)
        {
            staff.Turn.Say(texts.Format("staff.needCommune", ("command", command)));
            return null;
        }
        return One(staff, texts, typed, communesOnly: true, command);
    }

    /// <summary>
    /// A trailing year split off the rest: four digits ("tổng hợp Hải Dương 2025", "điểm năm 2025", the "năm" before them
    /// going too), or one counted from <paramref name="thisYear"/> ("tổng hợp năm ngoái").
    /// </summary>
    public static (string Remainder, int? Year) SplitYear(string text, StaffTexts texts, int thisYear)
    {
        var words = TextNormalizer.Nfc(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0 && words[^1].Length == 4 && int.TryParse(words[^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
        {
            var named = words.Length > 1 && TextNormalizer.Key(words[^2]) == "nam" ? words[..^2] : words[..^1];
            return (string.Join(' ', named), year);
        }
        var key = " " + TextNormalizer.Key(string.Join(' ', words));
        foreach (var (phrase, offset) in texts.RelativeYears)
        {
            if (key.EndsWith(" " + phrase, StringComparison.Ordinal))
            {
                return (string.Join(' ', words[..^phrase.Split(' ').Length]), thisYear + offset);
            }
        }
        return (string.Join(' ', words), null);
    }
}
