using System.Text.RegularExpressions;
using Bot.People;
using Scoring.Loading;

namespace Bot.Tests.Staff;

/// <summary>Every Vietnamese text the staff side names exists in dialogs/text, including the ids it builds from the scheme.</summary>
public sealed partial class StaffTextCoverageTests
{
    [GeneratedRegex("\"((?:staff|enrol|self|appraise|dq|card|rollup|export|remind|help)\\.[A-Za-z][A-Za-z0-9.]*[A-Za-z0-9])\"")]
    private static partial Regex TextId();

    [Fact]
    public void EveryTextIdInTheCode_AndEveryBuiltOne_IsInTheCatalog()
    {
        var scheme = SchemeLoader.Load();
        // The staff side, and the scoring core's client results it words (in the runtime's CoreClient).
        string[] sources = [Path.Combine(RepositoryRoot.Path, "src", "Bot.Staff"), Path.Combine(RepositoryRoot.Path, "src", "Bot.Runtime", "CoreClient")];
        var ids = sources.SelectMany(source => Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
            .SelectMany(file => TextId().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        ids.AddRange(scheme.Rules.Disqualifications.Select(d => "dq.kind." + d.Kind));
        ids.AddRange(Enum.GetValues<StaffRole>().SelectMany(r => new[] { "help." + StaffRoles.Name(r), "staff.roleName." + StaffRoles.Name(r), "enrol.alreadyNoCode." + StaffRoles.Name(r) }));
        ids.AddRange(scheme.Forms.Keys.Select(form => "rollup.form." + form));
        ids.AddRange(scheme.Forms.Keys.Select(form => "staff.form." + form));
        ids.AddRange(new[] { "counted", "outside", "feedback", "held", "excluded" }.Select(s => "staff.standing." + s));
        ids.AddRange(Enum.GetValues<Scoring.Rules.ResultStatus>().Select(s => "status." + Scoring.Rules.ResultStatuses.Name(s)));
        ids.AddRange(new[] { Scoring.Rules.HoldReasons.TooFast, Scoring.Rules.HoldReasons.AddressBurst, Scoring.Rules.HoldReasons.IdenticalRun, Scoring.Rules.HoldReasons.DeviceCases }.Select(r => "staff.hold." + r));

        Assert.True(ids.Count > 60, $"Only {ids.Count} text ids found; the pattern has stopped matching the code.");
        Assert.DoesNotContain(ids, id => !scheme.Texts.Contains(id));
    }
}
