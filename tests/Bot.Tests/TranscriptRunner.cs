using System.Globalization;
using Bot.Activities;

namespace Bot.Tests;

/// <summary>
/// Runs a transcript file: lines "> text" are what the user types, "< words" must appear in the
/// next reply, "< [A | B]" are that reply's buttons, "@start form commune", "@join" and
/// "@wait 30m" are events and clock moves, "@enrol staff cam-vu" enrols the user (a code, then "đăng ký").
/// Every user turn's replies must all be matched, in order.
/// </summary>
public static class TranscriptRunner
{
    public static async Task RunAsync(string file, Conversation conversation, FakeClock clock, BotApp? bot = null)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Transcripts", file));
        IReadOnlyList<Activity> replies = [];
        var next = 0;
        var turnLine = "";
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1].Trim();
            var where = $"{file}:{number}";
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line.StartsWith("< [", StringComparison.Ordinal))
            {
                var expected = line[3..^1].Split('|').Select(b => b.Trim()).ToList();
                var actual = replies[next - 1].SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [];
                Assert.True(expected.SequenceEqual(actual), $"{where}: buttons were [{string.Join(" | ", actual)}]");
                continue;
            }
            if (line.StartsWith("<+", StringComparison.Ordinal))
            {
                var also = line[2..].Trim();
                Assert.True(next > 0 && replies[next - 1].Text?.Contains(also, StringComparison.Ordinal) == true, $"{where}: the reply was “{(next > 0 ? replies[next - 1].Text : "")}”");
                continue;
            }
            if (line.StartsWith('<'))
            {
                var expected = line[1..].Trim();
                Assert.True(next < replies.Count, $"{where}: expected a reply containing “{expected}” after “{turnLine}”, but the bot said only {replies.Count}");
                Assert.True(replies[next].Text?.Contains(expected, StringComparison.Ordinal) == true, $"{where}: reply {next + 1} after “{turnLine}” was “{replies[next].Text}”");
                next++;
                continue;
            }
            AssertAllMatched(replies, next, turnLine, where);
            turnLine = line;
            next = 0;
            replies = line switch
            {
                _ when line.StartsWith("> ", StringComparison.Ordinal) || line == ">" => await conversation.SayAsync(line.Length > 2 ? line[2..] : ""),
                _ when line.StartsWith("@start ", StringComparison.Ordinal) => await Start(conversation, line[7..].Split(' ')),
                "@join" => await conversation.JoinAsync(),
                _ when line.StartsWith("@wait ", StringComparison.Ordinal) => Wait(clock, line[6..]),
                _ when line.StartsWith("@enrol ", StringComparison.Ordinal) => await Enrol(bot!, conversation, line[7..].Split(' ')),
                _ => throw new FormatException($"{where}: cannot read “{line}”"),
            };
        }
        AssertAllMatched(replies, next, turnLine, file + ":end");
    }

    private static void AssertAllMatched(IReadOnlyList<Activity> replies, int matched, string turnLine, string where) =>
        Assert.True(matched == replies.Count, $"{where}: after “{turnLine}” the bot also said “{string.Join("” / “", replies.Skip(matched).Select(r => r.Text))}”");

    private static Task<IReadOnlyList<Activity>> Start(Conversation conversation, string[] words) =>
        conversation.StartSurveyAsync(words[0], words[1], words.Length > 2 ? words[2] : null);

    private static async Task<IReadOnlyList<Activity>> Enrol(BotApp bot, Conversation conversation, string[] words) =>
        await conversation.SayAsync("đăng ký " + await Staff.StaffPeople.CodeAsync(bot, Bot.People.StaffRoles.Parse(words[0])!.Value, words[1]));

    private static IReadOnlyList<Activity> Wait(FakeClock clock, string span)
    {
        var amount = int.Parse(span[..^1], CultureInfo.InvariantCulture);
        clock.Now += span[^1] switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => throw new FormatException($"Unknown unit in “{span}”"),
        };
        return [];
    }
}
