using Scoring.Loading;
using Scoring.Rules;
using Scoring.Scheme;

namespace Scoring.Tests;

/// <summary>The real dialogs/ as copied beside the tests, loaded once.</summary>
internal static class TestScheme
{
    public static readonly SchemeDefinition Definition = SchemeLoader.Load();
    public static readonly ScoringRules Rules = new(Definition);
}
