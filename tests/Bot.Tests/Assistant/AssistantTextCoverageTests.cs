using System.Text.Json;
using System.Text.RegularExpressions;
using Scoring.Loading;

namespace Bot.Tests.Assistant;

/// <summary>Every text the assistant names is in dialogs/text/assistant.vi.json, and every text there is used.</summary>
public sealed partial class AssistantTextCoverageTests
{
    // The assistant names its texts without the "assistant." prefix ("answer.gap"), the staff bot with it.
    [GeneratedRegex("\"(?:assistant\\.)?((?:answer|source|passage|model|intent|words)\\.[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9])\"")]
    private static partial Regex TextId();

    [Fact]
    public void TextsInTheCode_AndInTheFile_AreTheSame()
    {
        var scheme = SchemeLoader.Load();
        var source = Path.Combine(RepositoryRoot.Path, "src", "Bot.Assistant");
        var used = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Append(Path.Combine(RepositoryRoot.Path, "src", "Bot.Staff", "Routing", "StaffRoutes.cs"))
            .SelectMany(file => TextId().Matches(File.ReadAllText(file)).Select(m => "assistant." + m.Groups[1].Value))
            .ToHashSet();
        used.UnionWith(scheme.Forms.Keys.Select(form => "assistant.source.formAudience." + form));
        used.UnionWith(Enum.GetValues<Scoring.Rules.ResultStatus>().Select(status => "assistant.answer.gapStatus." + Scoring.Rules.ResultStatuses.Name(status)));
        used.UnionWith(scheme.Forms.Keys.Select(form => "assistant.answer.communeSurveyPart." + form));
        // A ranking lists only the results submitted, so not "none" or "draft".
        used.UnionWith(Enum.GetValues<Scoring.Rules.ResultStatus>().Except([Scoring.Rules.ResultStatus.None, Scoring.Rules.ResultStatus.Draft])
            .Select(status => "assistant.answer.rankingStatus." + Scoring.Rules.ResultStatuses.Name(status)));
        // Each appraising level the scheme's schema allows has its own "who appraises" text.
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "dialogs", "schemas", "scheme.schema.json")));
        used.UnionWith(schema.RootElement.GetProperty("properties").GetProperty("appraisingLevel").GetProperty("enum").EnumerateArray()
            .Select(level => "assistant.answer.appraisers." + level.GetString()));
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "dialogs", "text", "assistant.vi.json")));
        var defined = file.RootElement.GetProperty("messages").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.True(used.Count > 60, $"Only {used.Count} text ids found; the pattern has stopped matching the code.");
        Assert.Empty(used.Except(defined));
        Assert.Empty(defined.Except(used));
    }
}
