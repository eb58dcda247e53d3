namespace Scoring.Loading;

/// <summary>One defect in a definition file: which file, where in it (a JSON path), and what.</summary>
public sealed record SchemeProblem(string File, string JsonPath, string Message)
{
    public override string ToString() => $"{File} at {JsonPath}: {Message}";
}
