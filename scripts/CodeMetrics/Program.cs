using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

// Prints the figures issue 16 asks for, read from the source with Roslyn's semantic model:
//   1. the largest source files under src/;
//   2. the bot's namespace dependencies: groups of namespaces that depend on each other (cycles) and two-way pairs;
//   3. the files whose code runs for one citizen answer on Teams: the call graph from the roots below.
// Usage: dotnet run --project scripts/CodeMetrics -- <repository root> [--why] [--roots Type.Member,…]   (after a build of src/Bot)
var root = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
var bot = Path.Combine(root, "src", "Bot");

Console.WriteLine("Largest source files (lines), src/:");
foreach (var (file, lines) in SourceFiles(Path.Combine(root, "src")).Select(f => (f, File.ReadLines(f).Count())).OrderByDescending(x => x.Item2).Take(5))
{
    Console.WriteLine($"  {lines,5}  {Path.GetRelativePath(root, file)}");
}

var compilation = Compile(root, bot);
var why = new Dictionary<(string, string), List<string>>();
var graph = NamespaceGraph(compilation, why);
var cycles = StronglyConnected(graph).Where(group => group.Count > 1).ToList();
var twoWay = graph.SelectMany(e => e.Value.Where(to => string.CompareOrdinal(e.Key, to) < 0 && graph.TryGetValue(to, out var back) && back.Contains(e.Key)).Select(to => (e.Key, to))).ToList();
Console.WriteLine($"Bot namespaces: {graph.Count}; namespace cycles (groups that depend on each other): {cycles.Count}; two-way pairs: {twoWay.Count}");
foreach (var group in cycles)
{
    Console.WriteLine("  cycle: " + string.Join(" ⇄ ", group.Order(StringComparer.Ordinal)));
    if (args.Contains("--why"))
    {
        foreach (var from in group.Order(StringComparer.Ordinal))
        {
            foreach (var to in graph[from].Where(group.Contains).Order(StringComparer.Ordinal))
            {
                Console.WriteLine($"      {from} → {to}: {string.Join("; ", why[(from, to)].Take(3))}");
            }
        }
    }
}
foreach (var (a, b) in twoWay)
{
    Console.WriteLine($"  two-way: {a} ⇄ {b}");
    if (args.Contains("--why"))
    {
        Console.WriteLine($"      →  {string.Join("; ", why[(a, b)].Take(4))}");
        Console.WriteLine($"      ←  {string.Join("; ", why[(b, a)].Take(4))}");
    }
}

// One citizen answer on Teams: the Bot Connector scheme and activity check, the endpoint and the
// pipeline, the survey's answer route, and the outbox forwarding the finished form to the core.
// --roots a,b,c measures another path (or the same path in an older version of the code).
var rootsArgument = Array.IndexOf(args, "--roots");
string[] roots = rootsArgument >= 0 ? args[rootsArgument + 1].Split(',') :
[
    "Bot.Channels.BotFramework.Auth.BotConnectorAuthenticationHandler.HandleAuthenticateAsync",
    "Bot.Channels.BotFramework.Auth.BotConnectorActivityCheck.HandleRequirementAsync",
    "Bot.Channels.BotFramework.BotFrameworkEndpoints.HandleAsync",
    "Bot.Surveys.Routing.SurveyRoutes.OnAnswer",
    "Bot.Outbox.OutboxWorker.DeliverNextAsync",
];
var path = FilesOnPath(compilation, roots);
Console.WriteLine($"Files on the path of one citizen answer (POST /api/messages → scoring core): {path.Count}");
foreach (var file in path.Order(StringComparer.Ordinal))
{
    Console.WriteLine("  " + Path.GetRelativePath(root, file));
}
return 0;

static IEnumerable<string> SourceFiles(string directory) =>
    Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

static CSharpCompilation Compile(string root, string bot)
{
    var output = new[] { "Release", "Debug" }.Select(c => Path.Combine(bot, "bin", c, "net10.0")).FirstOrDefault(Directory.Exists)
        ?? throw new InvalidOperationException("Build src/Bot first (dotnet build src/Bot).");
    var packs = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "packs");
    var references = new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" }
        .SelectMany(pack => Directory.EnumerateDirectories(Path.Combine(packs, pack)).OrderDescending().Take(1))
        .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(dir, "ref", "net10.0"), "*.dll"))
        .Concat(Directory.EnumerateFiles(output, "*.dll").Where(f => Path.GetFileName(f) != "Bot.dll"))
        .GroupBy(Path.GetFileName).Select(g => MetadataReference.CreateFromFile(g.First()));
    var globalUsings = Directory.EnumerateFiles(Path.Combine(bot, "obj"), "Bot.GlobalUsings.g.cs", SearchOption.AllDirectories).Take(1);
    var trees = SourceFiles(bot).Concat(globalUsings)
        .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Preview), f));
    return CSharpCompilation.Create("Bot", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}

// Which of the bot's namespaces each namespace's code refers to (types, members, extension methods).
static Dictionary<string, HashSet<string>> NamespaceGraph(CSharpCompilation compilation, Dictionary<(string, string), List<string>> why)
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
                if (to is not null && type!.Locations.Any(l => l.IsInSource) && to != from)
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

static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
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
            if (!indices.ContainsKey(next))
            {
                Visit(next);
                low[node] = Math.Min(low[node], low[next]);
            }
            else if (onStack.Contains(next))
            {
                low[node] = Math.Min(low[node], indices[next]);
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

// The source files whose members the roots reach: every method, constructor, property and field
// (records' too) their bodies refer to, interface members through their implementations in the bot.
static HashSet<string> FilesOnPath(CSharpCompilation compilation, string[] roots)
{
    var sourceTypes = compilation.SyntaxTrees
        .SelectMany(t => t.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().Select(d => compilation.GetSemanticModel(t).GetDeclaredSymbol(d)))
        .OfType<INamedTypeSymbol>().ToList();
    var queue = new Queue<ISymbol>();
    foreach (var name in roots)
    {
        var typeName = name[..name.LastIndexOf('.')];
        var member = name[(name.LastIndexOf('.') + 1)..];
        var type = compilation.GetTypeByMetadataName(typeName) ?? throw new InvalidOperationException($"No type {typeName}.");
        foreach (var symbol in type.GetMembers(member))
        {
            queue.Enqueue(symbol);
        }
    }
    var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
    var files = new HashSet<string>(StringComparer.Ordinal);
    while (queue.TryDequeue(out var symbol))
    {
        symbol = symbol.OriginalDefinition;
        if (!seen.Add(symbol) || !symbol.Locations.Any(l => l.IsInSource))
        {
            continue;
        }
        if (symbol.ContainingType is { TypeKind: TypeKind.Interface } contract)
        {
            foreach (var implementation in sourceTypes.Where(t => t.AllInterfaces.Contains(contract, SymbolEqualityComparer.Default)))
            {
                if (implementation.FindImplementationForInterfaceMember(symbol) is { } implemented)
                {
                    queue.Enqueue(implemented);
                }
            }
        }
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            files.Add(syntax.SyntaxTree.FilePath);
            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
            foreach (var node in syntax.DescendantNodes().Where(n => n is SimpleNameSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax))
            {
                if (model.GetSymbolInfo(node).Symbol is { } used && used.Kind is SymbolKind.Method or SymbolKind.Property or SymbolKind.Field)
                {
                    queue.Enqueue(used is IMethodSymbol { ReducedFrom: { } extension } ? extension : used);
                }
            }
        }
    }
    return files;
}
