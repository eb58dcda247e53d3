using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Bot.State;

/// <summary>
/// State stored before the dialog stack kept the dialog in progress in three properties: the
/// phase, the survey and the staff dialog. Conversations saved then still read: those properties
/// are read, moved onto <see cref="Dialogs"/>, and never written again.
/// </summary>
public sealed partial class ConversationData : IJsonOnDeserialized
{
    [JsonPropertyName("phase")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Phase? StoredPhase { get; set; }

    [JsonPropertyName("survey")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public SurveyProgress? StoredSurvey { get; set; }

    [JsonPropertyName("staff")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public StoredStaffDialog? StoredStaff { get; set; }

    void IJsonOnDeserialized.OnDeserialized()
    {
        DialogFrame? stored = StoredPhase switch
        {
            Phase.Survey => StoredSurvey,
            Phase.Staff => StoredStaff?.ToFrame(),
            Phase.AskingCommune => new AskingCommune(),
            _ => null,
        };
        if (stored is not null && Dialogs.Count == 0)
        {
            Dialogs.Add(stored);
        }
        (StoredPhase, StoredSurvey, StoredStaff) = (null, null, null);
    }
}

/// <summary>A staff dialog as state stored before the dialog stack held it: one shape for every dialog, told apart by its mode.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StoredStaffDialog
{
    public StaffMode Mode { get; set; }
    public string CommuneId { get; set; } = "";
    public string CommuneName { get; set; } = "";
    public int Year { get; set; }
    public string? Cursor { get; set; }
    public StaffAwaiting Awaiting { get; set; } = StaffAwaiting.Score;
    public decimal? PendingScore { get; set; }
    public string? PendingKind { get; set; }
    public List<string> Skipped { get; set; } = [];
    public List<string> Collected { get; set; } = [];

    public StaffFrame? ToFrame() => Mode switch
    {
        StaffMode.SelfScoring => Walk(new SelfScoringFrame { CommuneId = CommuneId, CommuneName = CommuneName, Year = Year }),
        StaffMode.Appraisal => Walk(new AppraisalFrame { CommuneId = CommuneId, CommuneName = CommuneName, Year = Year }),
        StaffMode.Disqualify or StaffMode.Lift => new DisqualificationFrame
        {
            CommuneId = CommuneId, CommuneName = CommuneName, Year = Year, Awaiting = Awaiting, Lifting = Mode == StaffMode.Lift, Kind = PendingKind,
        },
        StaffMode.Paper when PendingKind is { } form => new PaperFormFrame
        {
            CommuneId = CommuneId, CommuneName = CommuneName, Year = Year, Awaiting = Awaiting, Form = form, Sheet = Cursor, Answers = Collected,
        },
        StaffMode.Cadre => new CadreInvitationFrame
        {
            CommuneId = CommuneId, CommuneName = CommuneName, Year = Year, Awaiting = Awaiting,
            Role = Collected.ElementAtOrDefault(0), Village = Collected.ElementAtOrDefault(1),
        },
        _ => null,
    };

    private WalkFrame Walk(WalkFrame frame)
    {
        frame.Cursor = Cursor;
        frame.Awaiting = Awaiting;
        frame.PendingScore = PendingScore;
        frame.Skipped = Skipped;
        return frame;
    }
}
