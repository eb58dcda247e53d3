using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeMetrics;

/// <summary>
/// The bot's source as Roslyn sees it, and its namespace dependency graph: shared by the CodeMetrics
/// script and the test that keeps the namespaces free of cycles.
/// </summary>
public static class BotSource
{
    private static readonly string[] Configurations = ["Release", "Debug"];
    private static readonly string[] ReferencePacks = ["Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref"];

    public static IEnumerable<string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The bot's projects, compiled as one so the analysis sees every file on a path, whichever assembly holds it.</summary>
    private static readonly string[] BotProjects = ["Bot", "Bot.Runtime", "Bot.Protocol", "Bot.Channels.BotFramework", "Bot.Channels.DirectLine", "Bot.Channels.Zalo", "Bot.Assistant", "Bot.Surveys", "Bot.Staff"];

    /// <param name="alsoProjects">Projects beside src/Bot compiled in too (the contracts the bot shares with the core).</param>
    public static CSharpCompilation Compile(string bot, params string[] alsoProjects)
    {
        var projects = BotProjects.Concat(alsoProjects).ToArray();
        // The latest build's references (a Release build for the benchmark may be older than the Debug one, or newer).
        var output = Configurations.Select(c => Path.Combine(bot, "bin", c, "net10.0")).Where(d => File.Exists(Path.Combine(d, "Bot.dll")))
            .OrderByDescending(d => File.GetLastWriteTimeUtc(Path.Combine(d, "Bot.dll"))).FirstOrDefault()
            ?? throw new InvalidOperationException("Build src/Bot first (dotnet build src/Bot).");
        var packs = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "packs");
        var references = ReferencePacks
            .SelectMany(pack => Directory.EnumerateDirectories(Path.Combine(packs, pack)).OrderDescending().Take(1))
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(dir, "ref", "net10.0"), "*.dll"))
            .Concat(Directory.EnumerateFiles(output, "*.dll").Where(f => !projects.Contains(Path.GetFileNameWithoutExtension(f))))
            .GroupBy(Path.GetFileName).Select(g => MetadataReference.CreateFromFile(g.First()));
        var globalUsings = Directory.EnumerateFiles(Path.Combine(bot, "obj"), "Bot.GlobalUsings.g.cs", SearchOption.AllDirectories).Take(1);
        // An older version of the code (measured for comparison) may have fewer of these projects.
        var sources = projects.Select(project => Path.Combine(bot, "..", project)).Where(Directory.Exists).SelectMany(Files);
        var trees = sources.Concat(globalUsings)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Preview), f));
        return CSharpCompilation.Create("Bot", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    // Which of the bot's namespaces each namespace's code refers to (types, members, extension methods).
    public static Dictionary<string, HashSet<string>> NamespaceGraph(CSharpCompilation compilation, Dictionary<(string, string), List<string>> why)
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
            {
                var from = declaration.Name.ToString();
                var edges = graph.TryGetValue(from, out var found) ? found : graph[from] = [];
                foreach (var node in declaration.DescendantNodes().Where(n => n is SimpleNameSyntax))
                {
                    var symbol = model.GetSymbolInfo(node).Symbol;
                    var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
                    var to = type?.ContainingNamespace?.ToDisplayString();
                    if (to is not null && !type!.IsTupleType && type.Locations.Any(l => l.IsInSource) && to != from)
                    {
                        edges.Add(to);
                        var examples = why.TryGetValue((from, to), out var list) ? list : why[(from, to)] = [];
                        var example = $"{Path.GetFileName(tree.FilePath)} uses {type.Name}";
                        if (!examples.Contains(example))
                        {
                            examples.Add(example);
                        }
                    }
                }
            }
        }
        return graph;
    }

    public static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
    {
        var index = 0;
        var indices = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var groups = new List<List<string>>();
        void Visit(string node)
        {
            indices[node] = low[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph.TryGetValue(node, out var edges) ? edges : [])
            {
                if (!indices.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], nextIndex);
                }
            }
            if (low[node] == indices[node])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                }
                while (member != node);
                groups.Add(group);
            }
        }
        foreach (var node in graph.Keys.ToList())
        {
            if (!indices.ContainsKey(node))
            {
                Visit(node);
            }
        }
        return groups;
    }
}
