using System.Text.Json;
using Bot.Activities;

namespace Bot.Channels.DirectLine;

/// <summary>What a client may post, and how it is made ours: our channel id, the token's user, the bot as recipient.</summary>
public static class DirectLineActivities
{
    public const string ChannelId = "directline";

    /// <summary>Largest body accepted on POST …/activities; a survey answer is a few hundred bytes.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    private const int MaxUserIdLength = 64;

    public static async Task<Activity?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, BotJsonContext.Default.Activity, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Null when the activity may be posted; otherwise why not (the text limit is checked by the caller, in the user's language).</summary>
    public static string? Problem(Activity? activity) => activity switch
    {
        null => "The body is not a JSON activity.",
        { Type: null or "" } => "The activity has no type.",
        { Type: not (ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Typing) } => $"Activities of type '{activity.Type}' cannot be posted.",
        { Type: ActivityTypes.Event, Name: null or "" } => "An event needs a name.",
        _ => null,
    };

    /// <summary>Whatever the client claimed, the activity comes from the conversation's user, on our channel, to the bot.</summary>
    public static void MakeOurs(Activity activity, ConversationInfo conversation, ChannelAccount bot)
    {
        activity.Id = null;
        activity.Timestamp = null;
        activity.ServiceUrl = null;
        activity.ReplyToId = null;
        activity.DeliveryMode = null;
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount(conversation.Id);
        activity.From = new ChannelAccount(conversation.UserId, activity.From?.Name is { Length: <= 100 } name ? name : null, "user");
        activity.Recipient = bot;
    }

    /// <summary>A user id a caller may choose: short, and letters, digits and a few separators only.</summary>
    public static bool IsValidUserId(string? id) =>
        id is { Length: > 0 and <= MaxUserIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '@');
}
