using Bot.Activities;
using Bot.People;
using Bot.Staff.Enrolment;
using Bot.Turns;

namespace Bot.Staff;

/// <summary>Where an enrolled person can be written to first, for reminders, on the channels that allow it.</summary>
public sealed class ReminderAddresses(EnrolmentStore enrolments)
{
    /// <summary>Channels where the bot may write first (Bot Connector and Zalo's OA); Direct Line and the web page only answer.</summary>
    private static readonly HashSet<string> ProactiveChannels = ["msteams", "zalo"];

    /// <summary>Keeps the conversation <paramref name="turn"/> came from as <paramref name="person"/>'s; call it after the turn's save.</summary>
    public async Task RememberAsync(TurnContext turn, Person person)
    {
        if (ProactiveChannels.Contains(turn.ChannelId) && Reference(turn) is { } reference)
        {
            await enrolments.SaveReferenceAsync(person.Id, turn.UserKey, reference);
        }
    }

    private static ConversationReference? Reference(TurnContext turn)
    {
        var activity = turn.Activity;
        return activity is { Conversation.Id: { } conversationId, From.Id: { } userId, Recipient.Id: { } botId }
            ? new ConversationReference(turn.ChannelId, activity.ServiceUrl ?? "", conversationId, userId, botId)
            : null;
    }
}
