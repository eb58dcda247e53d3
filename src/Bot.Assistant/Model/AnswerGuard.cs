using System.Text.RegularExpressions;
using Bot.Assistant.Knowledge;
using Bot.Assistant.Search;

namespace Bot.Assistant.Model;

/// <summary>
/// Checks a model reply before anyone sees it. The model never receives another commune's data,
/// but a reply that echoes the instructions or names a commune other than the asker's is dropped
/// all the same (the offline answer is given), and the sources line is always ours, built from
/// the passages the reply cites.
/// </summary>
public sealed partial class AnswerGuard(AssistantTexts texts, GroundedPrompt prompt, KnowledgeBase knowledge)
{
    public const string OutOfScope = "NGOAI_PHAM_VI";
    private const int MaxReplyLength = 1200;

    // Eight syllables in a row from the instructions is an echo, not a coincidence.
    private const int EchoWindow = 8;

    private readonly HashSet<string> _instructionWindows = InstructionOnly(prompt.System, knowledge);

    public GuardVerdict Check(string? reply, IReadOnlyList<SearchHit> hits, IEnumerable<string> forbiddenNames)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return GuardVerdict.Rejected("empty");
        }
        if (reply.Contains(OutOfScope, StringComparison.Ordinal))
        {
            return GuardVerdict.Accepted(new AssistantAnswer(texts.Text("answer.declined"), AnswerKind.Declined));
        }
        if (Windows(reply).Overlaps(_instructionWindows))
        {
            return GuardVerdict.Rejected("echo");
        }
        var folded = new Question(reply);
        if (forbiddenNames.Any(name => folded.Contains(string.Join(' ', VietnameseTokenizer.Syllables(name)))))
        {
            return GuardVerdict.Rejected("other-commune");
        }
        var labels = hits.ToDictionary(h => h.Passage.Label, h => h.Passage, StringComparer.OrdinalIgnoreCase);
        var cited = Cited().Matches(reply).Select(m => m.Groups[1].Value).Where(labels.ContainsKey).Select(l => labels[l]).Distinct().ToList();
        // Rubric ids mean something to staff ("[4.5]"); passage numbers ("[DA-12]") do not, so they go.
        var text = Cited().Replace(reply, m => labels.TryGetValue(m.Groups[1].Value, out var p) && p.ItemId is not null ? m.Value : "").Trim();
        text = Quotes.Clip(Spaces().Replace(text, " ").Replace(" .", ".", StringComparison.Ordinal), MaxReplyLength);
        var sources = (cited.Count > 0 ? cited : [hits[0].Passage]).Select(p => p.Citation).Distinct();
        return GuardVerdict.Accepted(new AssistantAnswer(
            text + "\n" + texts.Format("answer.source", ("source", string.Join("; ", sources))) + "\n" + texts.Text("answer.modelNote"), AnswerKind.Model));
    }

    /// <summary>Runs of the instructions that no passage has: the scheme's name is in both and may well be in a good answer.</summary>
    private static HashSet<string> InstructionOnly(string instructions, KnowledgeBase knowledge)
    {
        var windows = Windows(instructions);
        foreach (var passage in knowledge.Passages)
        {
            windows.ExceptWith(Windows(passage.Text));
        }
        return windows;
    }

    private static HashSet<string> Windows(string text)
    {
        var s = VietnameseTokenizer.Syllables(text);
        var windows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + EchoWindow <= s.Count; i++)
        {
            windows.Add(string.Join(' ', s.Skip(i).Take(EchoWindow)));
        }
        return windows;
    }

    [GeneratedRegex(@"\[([A-Za-z0-9.\-]{1,12})\]")]
    private static partial Regex Cited();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}

public sealed record GuardVerdict(AssistantAnswer? Answer, string? Reason)
{
    public static GuardVerdict Accepted(AssistantAnswer answer) => new(answer, null);

    public static GuardVerdict Rejected(string reason) => new(null, reason);
}
