using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Dialogs;

namespace Bot.Staff.Dialogs;

/// <summary>
/// A score said in words, as a phone's voice typing writes it and as some people type it: "một điểm",
/// "nửa điểm", "hai điểm rưỡi", "một phẩy năm", "không điểm". It is rewritten with digits ("1 điểm",
/// "0,5 điểm", "2,5 điểm", "1,5", "0 điểm") so that the one number reader in <see cref="RubricWalk"/> reads it.
/// A number word alone counts only where it cannot begin a sentence: before "điểm", "phẩy" or "rưỡi", or
/// with nothing after it but a dash and a note or a polite particle. So "một biên bản" stays evidence, and
/// "không" alone stays a no, never 0.
/// </summary>
public sealed class ScoreWords
{
    private readonly Regex _spoken;
    private readonly NumberWords _numbers;
    private readonly StaffTexts _texts;

    public ScoreWords(StaffTexts texts)
    {
        _texts = texts;
        _numbers = texts.All.Numbers;
        var number = Alternatives(_numbers.Words);
        var half = Alternatives(Words("half"));
        var andAHalf = Alternatives(Words("andAHalf"));
        var point = Alternatives(Words("decimalPoint"));
        var points = Alternatives(Words("points"));
        const string end = @"(?!\p{L})";
        _spoken = new Regex(
            $@"^(?:(?<half>{half})|(?<whole>{number}){end}(?:\s+(?:{point})\s+(?<tenth>{number}))?){end}(?:\s+(?<points>{points}){end})?(?:\s+(?<andAHalf>{andAHalf}){end})?(?<rest>.*)$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    /// <summary>The text with its leading score in digits, or the text as it was when it does not begin with one.</summary>
    public string ToDigits(string text)
    {
        var match = _spoken.Match(text);
        if (!match.Success || !IsScore(match))
        {
            return text;
        }
        var value = match.Groups["half"].Success ? 0.5m : _numbers.ValueOf(match.Groups["whole"].Value)!.Value;
        if (match.Groups["tenth"].Success)
        {
            value += _numbers.ValueOf(match.Groups["tenth"].Value)!.Value / 10m;
        }
        if (match.Groups["andAHalf"].Success)
        {
            value += 0.5m;
        }
        var digits = value.ToString(CultureInfo.InvariantCulture).Replace('.', ',');
        return digits + (match.Groups["points"].Success ? " " + match.Groups["points"].Value : "") + match.Groups["rest"].Value;
    }

    /// <summary>
    /// "điểm", "phẩy" or "rưỡi" make the words a number. Without them, a word alone or before a dash and a
    /// note or a particle ("hai ạ", "một - Biên bản số 3") is a score, except "không", which is a no.
    /// </summary>
    private bool IsScore(Match match)
    {
        if (match.Groups["points"].Success || match.Groups["tenth"].Success || match.Groups["andAHalf"].Success)
        {
            return true;
        }
        if (match.Groups["whole"].Success && _numbers.ValueOf(match.Groups["whole"].Value) == 0)
        {
            return false;
        }
        var rest = match.Groups["rest"].Value.Trim();
        return rest.Length == 0 || RubricWalk.NoteSeparators.Contains(rest[0]) || _texts.ScoreTail.Matches(TextNormalizer.Key(rest));
    }

    // Matched ignoring case, so the words need only be in the form the input is put in.
    private IEnumerable<string> Words(string name) => _texts.Text("staff.words." + name).Split('|').Select(TextNormalizer.Nfc);

    private static string Alternatives(IEnumerable<string> words) =>
        string.Join('|', words.OrderByDescending(word => word.Length).Select(Regex.Escape));
}
