using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bot.Assistant;
using Bot.Assistant.Answering;
using Bot.Assistant.Answers;
using Bot.Assistant.Knowledge;
using Bot.CoreClient;
using Bot.Dialogs;
using Bot.People;
using Bot.Tests.Assistant;
using Bot.Units;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Loading;
using Scoring.Rules;
using ScoringCore.Contracts;
using TestSupport;

namespace Bot.Benchmark;

/// <summary>
/// The scoring assistant: index build time, offline answers per second and their latency over the
/// test question set (with and without diacritics), and the model path's prompt size and token use
/// against the loopback Azure OpenAI fake. Prints figures; asserts nothing about time.
/// </summary>
internal static class AssistantBench
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(7));

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = int.Parse(args.SkipWhile(a => a != "--rounds").Skip(1).FirstOrDefault() ?? "200", CultureInfo.InvariantCulture);
        var questions = Questions();
        var scheme = SchemeLoader.Load();
        var rules = new ScoringRules(scheme);

        var build = Stopwatch.StartNew();
        var knowledge = new KnowledgeBase(rules, new AssistantTexts(new BotTexts(scheme.Texts)), SchemeLoader.DefaultDirectory);
        build.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Index: {knowledge.Passages.Count} passages built in {build.Elapsed.TotalMilliseconds:0} ms (cold, first use of the tokenizer included)"));

        using var offline = AssistantWiring.Build(scheme, new FixedScorecard(rules));
        var asker = new Asker(new Person("bench", StaffRole.Staff, "cam-vu", Now, "bench", []), Tree, 2026, Now);
        var assistant = offline.GetRequiredService<ScoringAssistant>();
        var kinds = new Dictionary<AnswerKind, int>();
        foreach (var q in questions)
        {
            var kind = (await assistant.AnswerAsync(q, asker, CancellationToken.None)).Kind;
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }
        var latencies = new List<double>(rounds * questions.Count);
        var total = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var q in questions)
            {
                var started = Stopwatch.GetTimestamp();
                await assistant.AnswerAsync(q, asker, CancellationToken.None);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
        }
        total.Stop();
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Offline: {latencies.Count:N0} answers ({questions.Count} questions × {rounds} rounds, one thread) in {total.Elapsed.TotalSeconds:0.00} s = {latencies.Count / total.Elapsed.TotalSeconds:N0} answers/s; latency p50 {Pct(latencies, 0.50):0} µs, p95 {Pct(latencies, 0.95):0} µs, p99 {Pct(latencies, 0.99):0} µs"));
        Console.WriteLine("Answer kinds over the set: " + string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")));

        await using var fake = await FakeChatCompletions.StartAsync();
        using var withModel = AssistantWiring.Build(scheme, new FixedScorecard(rules), o => (o.Endpoint, o.ApiKey, o.Deployment) = (fake.Endpoint, FakeChatCompletions.ApiKey, "bench"));
        var modelAssistant = withModel.GetRequiredService<ScoringAssistant>();
        var modelLatencies = new List<double>();
        foreach (var q in questions)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await modelAssistant.AnswerAsync(q, asker, CancellationToken.None);
            if (answer.Kind == AnswerKind.Model)
            {
                modelLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        var prompts = fake.Requests.Select(r => r["messages"]!.AsArray().Sum(m => FakeChatCompletions.Text(m!["content"]).Length)).ToList();
        var totals = withModel.GetRequiredService<AssistantMetrics>().Totals;
        modelLatencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Model path (loopback fake): {prompts.Count} of {questions.Count} questions sent (the rest computed); prompt {prompts.DefaultIfEmpty().Average():N0} characters on average, {prompts.DefaultIfEmpty().Max():N0} at most"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Token metric: {totals.InputTokens:N0} input + {totals.OutputTokens:N0} output over {prompts.Count} calls = {(prompts.Count == 0 ? 0 : (totals.InputTokens + totals.OutputTokens) / prompts.Count):N0} per call (as the fake counts them: one token per 4 characters; a real tokenizer counts Vietnamese differently)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Model path overhead on loopback: p50 {Pct(modelLatencies, 0.5):0.0} ms (the network and the model add the real wait; the 8 s timeout bounds it)"));
        return 0;
    }

    private static readonly UnitTree Tree = new([
        new UnitDto("hd", "Tỉnh Hải Dương", "province", null),
        new UnitDto("cam-vu", "Xã Cẩm Vũ", UnitTree.CommuneKind, "hd"),
    ]);

    private static List<string> Questions()
    {
        var path = Path.Combine(RepositoryRoot.Path, "tests", "Bot.Tests", "Assistant", "questions.json");
        var questions = JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray().Select(q => q.GetProperty("question").GetString()!).ToList();
        return [.. questions, .. questions.Select(WithoutDiacritics)];
    }

    private static string WithoutDiacritics(string text) =>
        new(text.Normalize(System.Text.NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => c switch { 'đ' => 'd', 'Đ' => 'D', _ => c }).ToArray());

    private static double Pct(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];

    /// <summary>Cẩm Vũ at 78,5 points, as the scoring core would serve it (the benchmark measures the assistant, not the core).</summary>
    private sealed class FixedScorecard(ScoringRules rules) : ICommuneScorecards
    {
        public Task<CoreResult<Scorecard>> GetAsync(string communeId, int year, CancellationToken cancellationToken)
        {
            var level = rules.Levels.Classify(78.5m, false);
            return Task.FromResult(CoreResult.Success(new Scorecard(communeId, year, new SurveyPartScore(8.5m, 120, null), new SurveyPartScore(9, 30, null),
                new PartBCard(61, null, 61, []), 78.5m, level.Code, level.Name, false, null, rules.Levels.Next(78.5m, false), [new LostPoints("1.6", "", 7)])));
        }
    }
}
