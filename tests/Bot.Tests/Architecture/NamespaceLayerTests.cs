using CodeMetrics;

namespace Bot.Tests.Architecture;

/// <summary>
/// The bot's namespaces keep their layers (issue 16): no group of namespaces depends on each other,
/// and nothing but the composition root depends on Hosting. Read from the source with Roslyn's
/// semantic model, the same analysis as <c>scripts/CodeMetrics</c>.
/// </summary>
public sealed class NamespaceLayerTests
{
    private static readonly Lazy<Dictionary<string, HashSet<string>>> Graph = new(() =>
    {
        var compilation = BotSource.Compile(Path.Combine(RepositoryRoot.Path, "src", "Bot"));
        // Unresolved names would hide edges: the analysis must see every type the code names.
        var unresolved = compilation.GetDiagnostics().Where(d => d.Id is "CS0246" or "CS0234" or "CS0103").Select(d => d.ToString()).ToList();
        Assert.Empty(unresolved);
        return BotSource.NamespaceGraph(compilation, []);
    });

    [Fact]
    public void NoNamespaces_DependOnEachOther()
    {
        var graph = Graph.Value;

        var cycles = BotSource.StronglyConnected(graph).Where(group => group.Count > 1)
            .Select(group => string.Join(" ⇄ ", group.Order(StringComparer.Ordinal)));

        Assert.True(graph.Count > 30, $"Only {graph.Count} namespaces read; the analysis has stopped seeing the code.");
        Assert.True(graph.Values.Sum(edges => edges.Count) > 100, "Too few dependencies read; the analysis has stopped resolving names.");
        Assert.Empty(cycles);
    }

    [Fact]
    public void OnlyTheCompositionRoot_DependsOnHosting()
    {
        var dependents = Graph.Value.Where(node => node.Value.Contains("Bot.Hosting") && !node.Key.StartsWith("Bot.Hosting", StringComparison.Ordinal)).Select(node => node.Key);

        Assert.Empty(dependents);
    }
}
