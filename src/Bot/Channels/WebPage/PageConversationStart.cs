using Bot.Channels.DirectLine;
using Bot.Surveys.Invitations;

namespace Bot.Channels.WebPage;

/// <summary>
/// The conversation a survey page (the desk's open link or one case's invitation) opens: no welcome
/// (the page starts the survey itself). The page's device token (header X-Survey-Device) is kept or
/// renewed, and the answer carries a stamp of the device and this request's address for the
/// startSurvey event (see <see cref="PageStamps"/>): the core counts one open form per device, and
/// holds a device's forms for a second case.
/// </summary>
internal static class PageConversationStart
{
    public static async Task<IResult> StartAsync(HttpContext context, DirectLineConversations conversations, PageStamps stamps)
    {
        var presented = context.Request.Headers["X-Survey-Device"].ToString();
        var device = stamps.ReadDevice(presented) is not null ? presented : stamps.NewDeviceToken();
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "-";
        var started = await conversations.StartAsync(userId: null, welcome: false);
        var conversation = conversations.Describe(context.Request, started.ConversationId, started.UserId);
        var page = new PageConversation(conversation.ConversationId, conversation.Token, conversation.ExpiresIn, conversation.StreamUrl, device, stamps.Stamp(stamps.ReadDevice(device)!, address));
        return TypedResults.Json(page, WebPageJsonContext.Default.PageConversation, statusCode: StatusCodes.Status201Created);
    }
}
