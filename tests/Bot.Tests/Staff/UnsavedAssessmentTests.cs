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

/// <summary>
/// The dialogs in progress are a typed stack, one frame type per dialog, a step stored by the name
/// it always had; state stored before the stack (a phase, a survey, one shape for every staff
/// dialog told apart by its mode) still reads, onto the stack.
/// </summary>
public sealed class TypedStateTests
{
    private static ConversationData Read(string json) => System.Text.Json.JsonSerializer.Deserialize(json, StateJsonContext.Default.ConversationData)!;

    private static string Write(ConversationData data) => System.Text.Json.JsonSerializer.Serialize(data, StateJsonContext.Default.ConversationData);

    private static string OldStaff(string mode, string awaiting, string more = "") =>
        $$$"""{"phase":"staff","staff":{"mode":"{{{mode}}}","communeId":"cam-vu","communeName":"Xã Cẩm Vũ","year":2026,"awaiting":"{{{awaiting}}}"{{{more}}}}}""";

    [Fact]
    public void AFrame_IsStoredWithItsKind_AndItsStepByItsOldName_AndNoPhase()
    {
        var data = new ConversationData();
        data.Begin(new SelfScoringFrame { CommuneId = "cam-vu", CommuneName = "Xã Cẩm Vũ", Year = 2026, Awaiting = StaffAwaiting.Evidence, PendingScore = 1m });

        var json = Write(data);
        var read = Read(json);

        Assert.Contains("\"dialog\":\"selfScoring\"", json, StringComparison.Ordinal);
        Assert.Contains("\"awaiting\":\"evidence\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"phase\"", json, StringComparison.Ordinal);
        Assert.Equal(1m, Assert.IsType<SelfScoringFrame>(read.Staff).PendingScore);
    }

    [Fact]
    public void OldStaffState_ReadsAsTheTypedFrameOfItsMode()
    {
        var appraisal = Read(OldStaff("appraisal", "reason", ""","cursor":"2.1","pendingScore":0.5"""));
        var lift = Read(OldStaff("lift", "note"));
        var disqualify = Read(OldStaff("disqualify", "note", ""","pendingKind":"kyLuat" """));
        var paper = Read(OldStaff("paper", "answers", ""","pendingKind":"cadre","cursor":"12","collected":["tot","kha"]"""));
        var cadre = Read(OldStaff("cadre", "name", ""","collected":["truongThon","Thôn 3"]"""));
        var asking = Read("""{"phase":"askingCommune","staff":{"mode":"appraisal","communeId":"cam-vu","communeName":"Xã Cẩm Vũ","year":2026}}""");

        var walk = Assert.IsType<AppraisalFrame>(appraisal.Staff);
        Assert.Equal((StaffAwaiting.Reason, "2.1", 0.5m), (walk.Awaiting, walk.Cursor, walk.PendingScore));
        Assert.True(Assert.IsType<DisqualificationFrame>(lift.Staff).Lifting);
        Assert.Equal("kyLuat", Assert.IsType<DisqualificationFrame>(disqualify.Staff).Kind);
        var sheet = Assert.IsType<PaperFormFrame>(paper.Staff);
        Assert.Equal(("cadre", "12", StaffAwaiting.Answers), (sheet.Form, sheet.Sheet, sheet.Awaiting));
        Assert.Equal(["tot", "kha"], sheet.Answers);
        var invitation = Assert.IsType<CadreInvitationFrame>(cadre.Staff);
        Assert.Equal(("truongThon", "Thôn 3"), (invitation.Role, invitation.Village));
        Assert.Equal(Phase.AskingCommune, asking.Phase);
        Assert.Single(asking.Dialogs);
        Assert.DoesNotContain("\"phase\"", Write(appraisal), StringComparison.Ordinal);
        Assert.DoesNotContain("\"mode\"", Write(appraisal), StringComparison.Ordinal);
    }

    [Fact]
    public void AStoredSurveyInProgress_ReadsOntoTheStack_AndAnEndedOneReadsAsIdle()
    {
        var survey = Read("""{"phase":"survey","survey":{"dialogId":"citizen","communeId":"cam-vu","communeName":"Xã Cẩm Vũ","year":2026,"responseId":"r1","step":2,"answers":{"q1":"a"}}}""");
        var ended = Read("""{"phase":"ended","lastSurvey":{"dialogId":"citizen","communeId":"cam-vu"}}""");

        Assert.Equal(Phase.Survey, survey.Phase);
        Assert.Equal(2, survey.Survey!.Step);
        Assert.Equal("a", survey.Survey.Answers["q1"]);
        Assert.Equal(Phase.Idle, ended.Phase);
        Assert.Empty(ended.Dialogs);
        Assert.Equal("cam-vu", ended.LastSurvey!.CommuneId);
    }

    [Fact]
    public void TheStack_ReadsBackTyped_AndAShortDialogOverAWalkHandsBackToIt()
    {
        var data = new ConversationData();
        data.Begin(new AppraisalFrame { CommuneId = "cam-vu", CommuneName = "Xã Cẩm Vũ", Year = 2026, Cursor = "2.1" });
        data.BeginOver(new DisqualificationFrame { CommuneId = "cam-binh", CommuneName = "Xã Cẩm Bình", Year = 2026 }, below => below is WalkFrame);

        var read = Read(Write(data));

        Assert.Collection(read.Dialogs, f => Assert.IsType<AppraisalFrame>(f), f => Assert.IsType<DisqualificationFrame>(f));
        Assert.Equal(Phase.Staff, read.Phase);
        read.EndDialog();
        Assert.Equal("2.1", Assert.IsType<AppraisalFrame>(read.Staff).Cursor);
        read.BeginOver(new PaperFormFrame { CommuneId = "cam-vu", CommuneName = "Xã Cẩm Vũ", Year = 2026, Form = "citizen" }, below => below is WalkFrame);
        read.Begin(new AskingCommune());
        Assert.IsType<AskingCommune>(Assert.Single(read.Dialogs));
        Assert.Equal(Phase.AskingCommune, read.Phase);
        read.EndDialog();
        Assert.Equal(Phase.Idle, read.Phase);
    }
}
