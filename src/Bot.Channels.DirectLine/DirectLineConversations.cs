using System.Buffers.Text;
using System.Security.Cryptography;
using Bot.Activities;

namespace Bot.Channels.DirectLine;

/// <summary>Starting a conversation: an id nobody can guess, its record in Redis, a token, and the bot's welcome.</summary>
public sealed class DirectLineConversations(DirectLineStore store, DirectLineTokens tokens, DirectLineTurns turns)
{
    /// <summary>
    /// Creates a conversation for the user (a new anonymous id when none is given). The bot is told
    /// someone joined, and welcomes them, unless the caller starts the conversation itself (the
    /// survey page sends its startSurvey event at once).
    /// </summary>
    public async Task<(string ConversationId, string UserId)> StartAsync(string? userId, bool welcome)
    {
        var conversationId = NewId();
        userId ??= "dl_" + NewId();
        await store.CreateAsync(conversationId, userId);
        if (welcome)
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
        return (conversationId, userId);
    }

    /// <summary>A token for the conversation, without a stream URL (tokens/generate and tokens/refresh).</summary>
    public DirectLineConversation TokenFor(string conversationId, string userId) =>
        new(conversationId, tokens.Issue(conversationId, userId), (int)tokens.Lifetime.TotalSeconds, null);

    /// <summary>A token and a stream URL (conversations: start, resume, reconnect).</summary>
    public DirectLineConversation Describe(HttpRequest request, string conversationId, string userId, long? watermark = null) =>
        new(conversationId, tokens.Issue(conversationId, userId), (int)tokens.Lifetime.TotalSeconds, StreamUrl(request, conversationId, userId, watermark));

    /// <summary>
    /// Pre-authorised, as a browser cannot send headers when it opens a WebSocket: by a ticket
    /// good for this stream only and for a minute, as URLs end up in logs.
    /// </summary>
    private string StreamUrl(HttpRequest request, string conversationId, string userId, long? watermark)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        var ticket = tokens.Issue(conversationId, userId, DirectLineTokens.StreamScope);
        var url = $"{scheme}://{request.Host}{request.PathBase}{DirectLineEndpoints.BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(ticket)}";
        return watermark is { } w ? $"{url}&watermark={w}" : url;
    }

    private static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
