using System.Text.RegularExpressions;
using Scoring.Loading;

namespace ScoringCore.Tests;

/// <summary>Every Vietnamese text id the scoring core's code names must exist in dialogs/text, so no user meets a missing text.</summary>
public sealed partial class TextCatalogCoverageTests
{
    [GeneratedRegex("\"((?:problem|auth|error|body|field|response|commune|unit|units|unitKind|items|selfAssessment|appraisal|assessment|disqualification)\\.[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9])\"")]
    private static partial Regex TextId();

    [Fact]
    public void EveryTextIdInTheCode_IsInTheCatalog()
    {
        var source = Path.Combine(RepositoryRoot.Path, "src", "ScoringCore");
        var ids = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => TextId().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        var catalog = SchemeLoader.Load().Texts;

        Assert.True(ids.Count > 30, $"Only {ids.Count} text ids found; the pattern has stopped matching the code.");
        Assert.DoesNotContain(ids, id => !catalog.Contains(id));
        Assert.All(new[] { "province", "district", "commune" }, kind => Assert.True(catalog.Contains("unitKind." + kind)));
    }
}
