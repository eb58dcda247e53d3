using System.Security.Cryptography;
using Bot.Activities;

namespace Bot.Channels.DirectLine;

/// <summary>Starting a conversation: an id nobody can guess, its record in Redis, a token, and the bot's welcome.</summary>
public sealed class DirectLineConversations(DirectLineStore store, DirectLineTokens tokens, DirectLineTurns turns)
{
    /// <summary>
    /// Creates a conversation for the user (a new anonymous id when none is given). A conversation
    /// opened from a survey link gets no welcome: the page starts the survey itself.
    /// </summary>
    public async Task<(string ConversationId, string UserId, string Token)> StartAsync(string? userId, string? link)
    {
        var conversationId = NewId();
        userId ??= "dl_" + NewId();
        await store.CreateAsync(conversationId, userId, link);
        if (link is null)
        {
            turns.Enqueue(new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                ChannelId = DirectLineActivities.ChannelId,
                Conversation = new ConversationAccount(conversationId),
                From = new ChannelAccount(userId, role: "user"),
                Recipient = turns.BotAccount,
                MembersAdded = [turns.BotAccount, new ChannelAccount(userId, role: "user")],
            });
        }
        return (conversationId, userId, tokens.Issue(conversationId, userId));
    }

    public DirectLineConversation Describe(HttpRequest request, string conversationId, string token, long? watermark = null) =>
        new(conversationId, token, (int)tokens.Lifetime.TotalSeconds, StreamUrl(request, conversationId, token, watermark));

    /// <summary>Pre-authorised: a browser cannot send headers when it opens a WebSocket.</summary>
    private static string StreamUrl(HttpRequest request, string conversationId, string token, long? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var url = $"{scheme}://{request.Host}{request.PathBase}{DirectLineEndpoints.BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return watermark is { } w ? $"{url}&watermark={w}" : url;
    }

    private static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
