using Bot.State;

namespace Bot.Tests.Staff;

/// <summary>What a conversation keeps of a draft the core may not have yet: no Redis, no host.</summary>
public sealed class UnsavedAssessmentTests
{
    private static UnsavedAssessment New() => new() { Mode = StaffMode.Appraisal, CommuneId = "cam-vu", Year = 2026 };

    [Fact]
    public void SettleOnto_DropsWhatTheCoreHolds_AndLaysTheRestOverIt()
    {
        var unsaved = New();
        unsaved.Scores["1.1.a"] = 1m;
        unsaved.Scores["1.1.b"] = 0.5m;
        unsaved.Notes["1.1.b"] = "Sổ họp";
        unsaved.Notes["1.2.a"] = "";
        var stored = new Dictionary<string, decimal> { ["1.1.a"] = 1m, ["1.1.b"] = 1m, ["1.2.a"] = 0m };
        var notes = new Dictionary<string, string> { ["1.2.a"] = "Lý do cũ" };

        unsaved.SettleOnto(stored, notes);

        Assert.Equal(new Dictionary<string, decimal> { ["1.1.b"] = 0.5m }, unsaved.Scores);
        Assert.Equal(0.5m, stored["1.1.b"]);
        Assert.Equal(1m, stored["1.1.a"]);
        Assert.Equal("Sổ họp", notes["1.1.b"]);
        Assert.False(notes.ContainsKey("1.2.a"));
        Assert.Equal(2, unsaved.Notes.Count);
    }

    [Fact]
    public void SettleOnto_WhenTheCoreHasEverything_LeavesItEmpty()
    {
        var unsaved = New();
        unsaved.Scores["1.1.a"] = 1m;
        unsaved.Notes["1.1.a"] = "Biên bản";

        unsaved.SettleOnto(new Dictionary<string, decimal> { ["1.1.a"] = 1m }, new Dictionary<string, string> { ["1.1.a"] = "Biên bản" });

        Assert.True(unsaved.IsEmpty);
    }

    [Fact]
    public void RecordChanges_IsExactlyTheDifference_ANoteTakenAwayIsEmpty()
    {
        var unsaved = New();
        unsaved.Scores["4.1.a"] = 2m;

        unsaved.RecordChanges(
            new Dictionary<string, decimal> { ["1.1.a"] = 1m, ["1.1.b"] = 0.5m },
            new Dictionary<string, string> { ["1.1.b"] = "Chưa đủ" },
            new Dictionary<string, decimal> { ["1.1.a"] = 1m, ["1.1.b"] = 1m, ["1.2.a"] = 0m },
            new Dictionary<string, string> { ["1.2.a"] = "Không có văn bản" });

        Assert.Equal(new Dictionary<string, decimal> { ["1.1.b"] = 1m, ["1.2.a"] = 0m }, unsaved.Scores);
        Assert.Equal(new Dictionary<string, string> { ["1.1.b"] = "", ["1.2.a"] = "Không có văn bản" }, unsaved.Notes);
    }

    [Fact]
    public void ConversationData_KeepsOneRecordPerCommuneYearAndDialog_AndDropsEmptyOnes()
    {
        var data = new ConversationData();
        data.UnsavedFor(StaffMode.SelfScoring, "cam-vu", 2026).Scores["1.1.a"] = 1m;
        data.UnsavedFor(StaffMode.Appraisal, "cam-vu", 2026);
        data.UnsavedFor(StaffMode.SelfScoring, "cam-vu", 2026).Scores["1.1.b"] = 1m;

        data.DropSettled();

        Assert.Equal(2, Assert.Single(data.Unsaved).Scores.Count);
        Assert.True(data.HasUnsaved(StaffMode.SelfScoring, "cam-vu", 2026));
        Assert.False(data.HasUnsaved(StaffMode.Appraisal, "cam-vu", 2026));
    }

    [Fact]
    public void ConversationData_SettlesOneCommunesYear_AndForgetsItWhenSubmitted()
    {
        var data = new ConversationData();
        data.UnsavedFor(StaffMode.SelfScoring, "cam-vu", 2026).Scores["1.1.a"] = 1m;
        data.UnsavedFor(StaffMode.SelfScoring, "cam-binh", 2026).Scores["1.1.a"] = 0.5m;
        var stored = new Dictionary<string, decimal> { ["1.1.a"] = 1m };

        data.SettleUnsaved(StaffMode.SelfScoring, "cam-vu", 2026, stored, []);
        data.SettleUnsaved(StaffMode.Appraisal, "cam-binh", 2026, new Dictionary<string, decimal>(), []);

        Assert.False(data.HasUnsaved(StaffMode.SelfScoring, "cam-vu", 2026));
        Assert.True(data.HasUnsaved(StaffMode.SelfScoring, "cam-binh", 2026));
        data.ForgetUnsaved(StaffMode.SelfScoring, "cam-binh", 2026);
        Assert.Empty(data.Unsaved);
    }
}

/// <summary>The conversation's phase and a staff dialog's mode and step are typed in code and stored by the names they always had.</summary>
public sealed class TypedStateTests
{
    [Fact]
    public void PhaseModeAndStep_AreStoredByTheirOldNames_AndOldStateStillReads()
    {
        var data = new ConversationData
        {
            Phase = Phase.Staff,
            Staff = new StaffProgress { Mode = StaffMode.SelfScoring, CommuneId = "cam-vu", CommuneName = "Xã Cẩm Vũ", Year = 2026, Awaiting = StaffAwaiting.Evidence },
        };

        var json = System.Text.Json.JsonSerializer.Serialize(data, StateJsonContext.Default.ConversationData);
        var old = System.Text.Json.JsonSerializer.Deserialize(
            """{"phase":"askingCommune","staff":{"mode":"appraisal","communeId":"cam-vu","communeName":"Xã Cẩm Vũ","year":2026,"awaiting":"reason"}}""",
            StateJsonContext.Default.ConversationData)!;

        Assert.Contains("\"phase\":\"staff\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"self\"", json, StringComparison.Ordinal);
        Assert.Contains("\"awaiting\":\"evidence\"", json, StringComparison.Ordinal);
        Assert.Equal(Phase.AskingCommune, old.Phase);
        Assert.Equal(StaffMode.Appraisal, old.Staff!.Mode);
        Assert.Equal(StaffAwaiting.Reason, old.Staff.Awaiting);
    }
}
