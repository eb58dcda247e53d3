using CodeMetrics;

namespace Bot.Tests.Architecture;

/// <summary>
/// How the "files whose code ran" figure maps the runtime's JIT summary to source files: only what
/// lies between the last pair of markers, each compiled method to the file that declares the
/// member it is written in, and nothing for what the compiler or a source generator wrote.
/// </summary>
public sealed class JitPathTests : IDisposable
{
    private static readonly Lazy<Microsoft.CodeAnalysis.CSharp.CSharpCompilation> Compilation =
        new(() => BotSource.Compile(Path.Combine(RepositoryRoot.Path, "src", "Bot"), "ScoringCore.Contracts"));

    private readonly string _summary = Path.GetTempFileName();

    public void Dispose() => File.Delete(_summary);

    private SortedDictionary<string, SortedSet<string>> Ran(params string[] methods)
    {
        File.WriteAllLines(_summary,
        [
            "   1: JIT compiled Bot.Turns.TurnPipeline:RunAsync(Bot.Activities.Activity,System.Threading.CancellationToken) [Tier0, IL size=10, code size=60]",
            $"   2: JIT compiled Bot.Benchmark.{JitPath.Before} [Tier0, IL size=1, code size=6]",
            .. methods.Select((m, i) => $"   {i + 3}: JIT compiled {m} [Tier0, IL size=10, code size=60]"),
            $"  99: JIT compiled Bot.Benchmark.{JitPath.After} [Tier0, IL size=1, code size=6]",
            " 100: JIT compiled Bot.Turns.TurnContext:Say(System.String) [Tier0, IL size=10, code size=60]",
        ]);
        return JitPath.FilesThatRan(Compilation.Value, _summary);
    }

    private static string FileName(string path) => Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/');

    [Fact]
    public void OnlyMethodsBetweenTheMarkers_Count()
    {
        var ran = Ran("Bot.State.BotKeys:Conversation(Bot.State.ConversationKey)");

        Assert.Equal(["src/Bot.Runtime/State/BotKeys.cs"], ran.Keys.Select(FileName));
    }

    [Fact]
    public void StateMachinesLambdasAndAccessors_CountInTheFileOfTheirMember()
    {
        var ran = Ran(
            "Bot.Turns.TurnRouter+<RouteAsync>d__5:MoveNext()",
            "Bot.Surveys.Routing.SurveyRoutes:<AddTo>b__10_1(Bot.Turns.TurnContext)",
            "Bot.State.OutboxEntry:get_CommuneId():System.String:this",
            "Bot.State.ConversationData:get_StoredPhase()");

        Assert.Equal(
            ["src/Bot.Runtime/State/ConversationData.Stored.cs", "src/Bot.Runtime/State/OutboxEntry.cs", "src/Bot.Runtime/Turns/TurnRouter.cs", "src/Bot.Surveys/Routing/SurveyRoutes.cs"],
            ran.Keys.Select(FileName));
        Assert.Contains("Bot.Turns.TurnRouter+<RouteAsync>d__5:MoveNext", ran.Values.SelectMany(m => m));
    }

    [Fact]
    public void ClosuresGeneratedCodeAndOtherAssemblies_CountNowhere()
    {
        var ran = Ran(
            "Bot.Activities.BotJsonContext+<>c__DisplayClass11_0:.ctor()",
            "Bot.Activities.BotJsonContext:Create_Activity(System.Text.Json.JsonSerializerOptions)",
            "Bot.State.OutboxEntry:<Clone>$()",
            "System.Text.Json.JsonSerializer:Serialize(System.Object)",
            "Bot.Benchmark.AnswerPath:RunAsync(System.String[])");

        Assert.Empty(ran);
    }

    [Fact]
    public void ASummaryWithoutMarkers_IsRefused()
    {
        File.WriteAllLines(_summary, ["   1: JIT compiled Bot.State.BotKeys:Tag(Bot.State.ConversationKey) [Tier0, IL size=10, code size=60]"]);

        var refused = Assert.Throws<InvalidOperationException>(() => JitPath.FilesThatRan(Compilation.Value, _summary));
        Assert.Contains("markers", refused.Message, StringComparison.Ordinal);
    }
}
