using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeMetrics;

/// <summary>
/// The files whose code ran, read from the runtime's JIT summary of the benchmark's "answer-path"
/// run (DOTNET_JitDisasmSummary=1): every method is compiled the first time it runs, so the methods
/// compiled between its two markers are the ones the answer ran. Each method is mapped to the file
/// that declares it (lambdas, local functions and async state machines to the member they are
/// written in); members the compiler or a source generator wrote (a record's Equals, a JSON
/// context's serializers) have no file of their own and are not counted.
/// </summary>
public static partial class JitPath
{
    public const string Before = "AnswerPath:BeforeTheAnswer()";
    public const string After = "AnswerPath:AfterTheAnswer()";

    /// <summary>File → the methods of it that ran, from the last pair of markers in the summary.</summary>
    public static SortedDictionary<string, SortedSet<string>> FilesThatRan(CSharpCompilation compilation, string summaryPath)
    {
        var lines = File.ReadAllLines(summaryPath);
        var start = Array.FindLastIndex(lines, l => l.Contains(Before, StringComparison.Ordinal));
        var end = Array.FindLastIndex(lines, l => l.Contains(After, StringComparison.Ordinal));
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"{summaryPath} has no pair of markers: run the benchmark's answer-path under DOTNET_JitDisasmSummary=1.");
        }
        var files = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var line in lines[(start + 1)..end])
        {
            var match = Compiled().Match(line);
            if (!match.Success)
            {
                continue;
            }
            var typeName = GenericArguments().Replace(match.Groups["type"].Value, "");
            var method = match.Groups["method"].Value;
            foreach (var file in FilesOf(compilation, typeName, method))
            {
                var ran = files.TryGetValue(file, out var found) ? found : files[file] = new SortedSet<string>(StringComparer.Ordinal);
                ran.Add($"{typeName}:{method}");
            }
        }
        return files;
    }

    private static IEnumerable<string> FilesOf(CSharpCompilation compilation, string typeName, string method)
    {
        // "Outer+<Member>d__3" or "Outer+<>c__DisplayClass2_0": the real types, then what the compiler made inside them.
        var parts = typeName.Split('+');
        var type = compilation.GetTypeByMetadataName(parts[0]);
        if (type is null || !type.Locations.Any(l => l.IsInSource))
        {
            return [];
        }
        var generated = "";
        foreach (var part in parts.Skip(1))
        {
            if (generated.Length == 0 && type.GetTypeMembers().FirstOrDefault(t => t.MetadataName == part) is { } nested)
            {
                type = nested;
            }
            else
            {
                generated += part;
            }
        }
        // The member the code is written in: named inside the compiler's angle brackets, else the method itself.
        var written = WrittenIn().Match(generated + " " + method);
        if (!written.Success && generated.Length > 0)
        {
            // A closure's constructor: plumbing, counted through the lambda it serves (and the only
            // trace a source generator's closures leave in the file that declares its partial class).
            return [];
        }
        var memberName = written.Success ? written.Groups[1].Value : method;
        return type.GetMembers().Where(m => m.MetadataName == memberName || m.Name == memberName)
            .SelectMany(m => m.DeclaringSyntaxReferences.Length > 0 ? m.DeclaringSyntaxReferences
                : m is IMethodSymbol { AssociatedSymbol: { } property } ? property.DeclaringSyntaxReferences : [])
            .Select(r => r.SyntaxTree.FilePath)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Distinct();
    }

    [GeneratedRegex(@"JIT compiled (?<type>[^:\s]+):(?<method>[^(]+)\(")]
    private static partial Regex Compiled();

    [GeneratedRegex(@"\[[^\[\]]*(\[[^\[\]]*\][^\[\]]*)*\]")]
    private static partial Regex GenericArguments();

    [GeneratedRegex(@"<([A-Za-z_][A-Za-z0-9_]*)>")]
    private static partial Regex WrittenIn();
}
