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
    public StaffProgress? StoredStaff { get; set; }

    void IJsonOnDeserialized.OnDeserialized()
    {
        DialogFrame? stored = StoredPhase switch
        {
            Phase.Survey => StoredSurvey,
            Phase.Staff => StoredStaff,
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
