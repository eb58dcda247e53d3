using Bot.CoreClient;

namespace Bot.Dialogs;

public static class CoreFailureText
{
    /// <summary>What to tell a person when the scoring core said no (its reason) or did not answer.</summary>
    public static string CoreFailure<T>(this BotTexts texts, CoreResult<T> result) =>
        result.Outcome == CoreOutcome.Refused ? texts.Format("staff.coreRefused", ("detail", result.Detail)) : texts["staff.coreDown"];
}
