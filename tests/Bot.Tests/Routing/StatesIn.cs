using Bot.State;

namespace Bot.Tests.Routing;

/// <summary>A conversation's state with one dialog of the given phase in progress, for tests that only route on the phase.</summary>
public static class StatesIn
{
    public static ConversationData Phase(Phase phase) => new() { Dialogs = Frames(phase) };

    private static List<DialogFrame> Frames(Phase phase) => phase switch
    {
        Bot.State.Phase.Survey => [new SurveyProgress { DialogId = "citizen", CommuneId = "cam-vu", CommuneName = "Xã Cẩm Vũ", Year = 2026, ResponseId = "r1" }],
        Bot.State.Phase.Staff => [new SelfScoringFrame { CommuneId = "cam-vu", CommuneName = "Xã Cẩm Vũ", Year = 2026 }],
        Bot.State.Phase.AskingCommune => [new AskingCommune()],
        _ => [],
    };
}
