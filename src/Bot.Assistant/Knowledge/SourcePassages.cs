using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Assistant.Knowledge;

/// <summary>
/// Cuts a source text into passages of a paragraph or a short run of list lines, each under the
/// heading it sits below, so an answer can name the section ("2. Đánh giá, xếp loại…"). Letterhead
/// lines, blank form fields and repeated copies are dropped: they answer nothing.
/// </summary>
public static partial class SourcePassages
{
    private const int MaxLength = 700;

    public static IEnumerable<(string Section, string Text)> Split(string text, bool skipTableRows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var section = "";
        var buffer = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            if (skipTableRows && raw.Contains('\t', StringComparison.Ordinal))
            {
                continue;
            }
            var line = Clean(raw);
            if (line.Length == 0 || IsBoilerplate(line))
            {
                continue;
            }
            if (IsHeading(line))
            {
                foreach (var passage in Flush(buffer, section, seen))
                {
                    yield return passage;
                }
                section = line.TrimEnd(':');
                continue;
            }
            if (buffer.Length > 0 && buffer.Length + line.Length > MaxLength)
            {
                foreach (var passage in Flush(buffer, section, seen))
                {
                    yield return passage;
                }
            }
            buffer.Append(buffer.Length > 0 ? "\n" : "").Append(line);
        }
        foreach (var passage in Flush(buffer, section, seen))
        {
            yield return passage;
        }
    }

    private static IEnumerable<(string, string)> Flush(StringBuilder buffer, string section, HashSet<string> seen)
    {
        var text = buffer.ToString();
        buffer.Clear();
        // The same article pasted twice (one of the seeds is) is indexed once.
        if (text.Length >= 40 && seen.Add(text))
        {
            yield return (section, text);
        }
    }

    private static string Clean(string line) =>
        Spaces().Replace(line.Replace("**", "", StringComparison.Ordinal).Replace("<i>", "", StringComparison.Ordinal).Replace("</i>", "", StringComparison.Ordinal).Replace("\\*", "", StringComparison.Ordinal), " ").Trim();

    /// <summary>Letterheads, signature blocks, closing thanks and blank fields ("....., ngày ... tháng").</summary>
    private static bool IsBoilerplate(string line) =>
        line.Count(c => c == '.') > line.Length / 4
        || line.EndsWith('!')
        || Letterhead().IsMatch(line)
        || line.StartsWith("CỘNG HÒA XÃ HỘI", StringComparison.Ordinal)
        || line.StartsWith("Độc lập - Tự do", StringComparison.Ordinal)
        || line.StartsWith("(Ký, ghi rõ", StringComparison.Ordinal);

    /// <summary>"III. NỘI DUNG…", "2.1. Mục tiêu chung", "Tiêu chí 4: …", or a short line in capitals.</summary>
    private static bool IsHeading(string line) =>
        line.Length <= 220 && (Numbered().IsMatch(line) || line.StartsWith("Tiêu chí ", StringComparison.Ordinal))
        || (line.Length <= 120 && line.Any(char.IsLetter) && line.Where(char.IsLetter).All(char.IsUpper));

    [GeneratedRegex(@"^(?:[IVX]+|\d+(?:\.\d+)*)\.\s+\S")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^(ỦY BAN|UBND|HUYỆN|T/M|CHỦ TỊCH|BÍ THƯ|PHÒNG|Số:|Kính gửi|Nơi nhận)")]
    private static partial Regex Letterhead();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
