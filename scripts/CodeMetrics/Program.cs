using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using CodeMetrics;

// Prints the figures issue 16 asks for, read from the source with Roslyn's semantic model:
//   1. the largest source files under src/;
//   2. the bot's namespace dependencies: groups of namespaces that depend on each other (cycles) and two-way pairs;
//   3. the files whose code runs for one citizen answer on Teams: the call graph from the roots below.
//   4. with --jit, the files whose code did run for one citizen answer (see JitPath).
// Usage: dotnet run --project scripts/CodeMetrics -- <repository root> [--why] [--edges] [--roots Type.Member,…] [--jit <JIT summary> [--jit-only]]   (after a build of src/Bot)
var root = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
var bot = Path.Combine(root, "src", "Bot");

var jitArgument = Array.IndexOf(args, "--jit");
if (jitArgument >= 0)
{
    // What ran, rather than what could run: the benchmark's answer-path run under the JIT summary.
    var ran = JitPath.FilesThatRan(BotSource.Compile(bot, "ScoringCore.Contracts"), args[jitArgument + 1]);
    Console.WriteLine($"Files whose code ran for one citizen answer (Teams: POST /api/messages → scoring core): {ran.Count}");
    foreach (var (file, methods) in ran)
    {
        Console.WriteLine($"  {Path.GetRelativePath(root, file)}" + (args.Contains("--why") ? ": " + string.Join(", ", methods.Take(6)) : ""));
    }
    if (args.Contains("--jit-only"))
    {
        return 0;
    }
}

Console.WriteLine("Largest source files (lines), src/:");
foreach (var (file, lines) in BotSource.Files(Path.Combine(root, "src")).Select(f => (f, File.ReadLines(f).Count())).OrderByDescending(x => x.Item2).Take(5))
{
    Console.WriteLine($"  {lines,5}  {Path.GetRelativePath(root, file)}");
}

var compilation = BotSource.Compile(bot);
var why = new Dictionary<(string, string), List<string>>();
var graph = BotSource.NamespaceGraph(compilation, why);
var cycles = BotSource.StronglyConnected(graph).Where(group => group.Count > 1).ToList();
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
if (args.Contains("--edges"))
{
    foreach (var (from, edges) in graph.OrderBy(e => e.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"  {from} → {string.Join(", ", edges.Order(StringComparer.Ordinal))}");
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
