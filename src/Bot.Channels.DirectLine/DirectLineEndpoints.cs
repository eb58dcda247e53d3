using System.Text;
using Bot.Activities;
using Bot.Configuration;
using Bot.Dialogs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.Channels.DirectLine;

/// <summary>
/// The Direct Line 3.0 API under /v3/directline, the subset Microsoft's Web Chat and DirectLineJS
/// use: tokens, conversations, posting activities (answered at once with the id, the turn runs
/// after), polling from a watermark, and the WebSocket stream.
/// </summary>
public static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    public static IEndpointRouteBuilder MapDirectLineEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath).RequireCors(DirectLineServices.CorsPolicy).RequireRateLimiting(DirectLineServices.AddressPolicy);
        api.MapPost("/tokens/generate", GenerateTokenAsync).RequireAuthorization(DirectLineCaller.SecretPolicy);
        api.MapPost("/tokens/refresh", RefreshTokenAsync).RequireAuthorization(DirectLineCaller.TokenPolicy);
        api.MapPost("/conversations", StartConversationAsync).RequireAuthorization(DirectLineCaller.Policy);
        api.MapGet("/conversations/{conversationId}", ReconnectAsync).RequireAuthorization(DirectLineCaller.Policy);
        api.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync).RequireAuthorization(DirectLineCaller.Policy);
        api.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireAuthorization(DirectLineCaller.Policy);
        api.MapGet("/conversations/{conversationId}/stream", (HttpContext context, string conversationId, DirectLineSockets stream) => stream.AcceptAsync(context, conversationId))
            .RequireAuthorization(DirectLineCaller.StreamPolicy);
        return app;
    }

    /// <summary>Server to server, with the secret: a new conversation and a token for it.</summary>
    private static async Task<IResult> GenerateTokenAsync(HttpRequest request, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var (userId, problem) = await ReadUserAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var started = await conversations.StartAsync(userId, welcome: true);
        return Json(conversations.TokenFor(started.ConversationId, started.UserId));
    }

    private static async Task<IResult> RefreshTokenAsync(HttpRequest request, DirectLineStore store, DirectLineConversations conversations)
    {
        var caller = DirectLineCaller.Of(request.HttpContext.User);
        if (await store.FindAsync(caller.ConversationId!) is null)
        {
            return DirectLineProblems.NotFound();
        }
        return Json(conversations.TokenFor(caller.ConversationId!, caller.UserId!));
    }

    /// <summary>With the secret, a new conversation; with a token, the token's own conversation.</summary>
    private static async Task<IResult> StartConversationAsync(HttpRequest request, DirectLineStore store, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        var caller = DirectLineCaller.Of(request.HttpContext.User);
        if (caller is { ConversationId: { } conversationId, UserId: { } userOfToken })
        {
            return await store.FindAsync(conversationId) is null
                ? DirectLineProblems.NotFound()
                : Json(conversations.Describe(request, conversationId, userOfToken));
        }
        var (userId, problem) = await ReadUserAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var started = await conversations.StartAsync(userId, welcome: true);
        return Json(conversations.Describe(request, started.ConversationId, started.UserId), StatusCodes.Status201Created);
    }

    /// <summary>Resuming after a dropped socket: a fresh token and a stream URL that replays from the watermark.</summary>
    private static async Task<IResult> ReconnectAsync(HttpRequest request, string conversationId, DirectLineStore store, DirectLineConversations conversations)
    {
        var (conversation, refusal) = await AuthorizeAsync(request, conversationId, store);
        if (conversation is null)
        {
            return refusal!;
        }
        if (!TryReadWatermark(request, out var watermark))
        {
            return DirectLineProblems.BadWatermark();
        }
        return Json(conversations.Describe(request, conversationId, conversation.UserId, watermark));
    }

    private static async Task<IResult> GetActivitiesAsync(HttpRequest request, string conversationId, DirectLineStore store)
    {
        var (conversation, refusal) = await AuthorizeAsync(request, conversationId, store, lookUp: false);
        if (conversation is null)
        {
            return refusal!;
        }
        if (!TryReadWatermark(request, out var watermark))
        {
            return DirectLineProblems.BadWatermark();
        }
        var page = await store.ReadAsync(conversationId, watermark ?? 0);
        return page is null ? DirectLineProblems.NotFound() : TypedResults.Text(ActivitySet(page.Activities, page.Watermark), "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> PostActivityAsync(
        HttpRequest request, string conversationId, DirectLineStore store, DirectLineTurns turns,
        DirectLineRateLimits limits, BotTexts texts, IOptions<BotOptions> options, CancellationToken cancellationToken)
    {
        var (conversation, refusal) = await AuthorizeAsync(request, conversationId, store, lookUp: false);
        if (conversation is null)
        {
            return refusal!;
        }
        if (!limits.TryPost(conversationId))
        {
            return DirectLineProblems.TooMany(texts["busy"]);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = DirectLineActivities.MaxBodyBytes;
        }
        Activity? activity;
        try
        {
            activity = await DirectLineActivities.ReadAsync(request, cancellationToken);
        }
        catch (BadHttpRequestException)
        {
            return DirectLineProblems.BadRequest(texts.Format("tooLong", ("max", options.Value.MaxTextLength)));
        }
        if (DirectLineActivities.Problem(activity) is { } problem)
        {
            return DirectLineProblems.BadRequest(problem);
        }
        if (activity!.Text?.Length > options.Value.MaxTextLength)
        {
            return DirectLineProblems.BadRequest(texts.Format("tooLong", ("max", options.Value.MaxTextLength)));
        }
        if (activity.Type == ActivityTypes.Typing)
        {
            // Typing is for the other side's eyes only; the bot has none. Answered, not stored.
            return Json(new ResourceResponse(DirectLineStore.ActivityId(conversationId, 0)));
        }
        DirectLineActivities.MakeOurs(activity, conversation, turns.BotAccount);
        var stamped = await store.AppendAsync(conversationId, [activity]);
        if (stamped is null)
        {
            return DirectLineProblems.NotFound();
        }
        activity.Id = stamped[0].Id;
        activity.Timestamp = stamped[0].Timestamp;
        turns.Enqueue(activity);
        return Json(new ResourceResponse(activity.Id));
    }

    /// <summary>
    /// The conversation, if the authenticated caller may use it and it exists; otherwise the refusal. A token
    /// already names the user, so with <paramref name="lookUp"/> false no Redis call is made: the
    /// read or append that follows finds out whether the conversation still exists.
    /// </summary>
    internal static async Task<(ConversationInfo? Conversation, IResult? Refusal)> AuthorizeAsync(
        HttpRequest request, string conversationId, DirectLineStore store, bool lookUp = true)
    {
        var caller = DirectLineCaller.Of(request.HttpContext.User);
        if (!caller.MayUse(conversationId))
        {
            return (null, DirectLineProblems.Forbidden());
        }
        if (!lookUp && caller.UserId is { } userOfToken)
        {
            return (new ConversationInfo(conversationId, userOfToken), null);
        }
        var conversation = await store.FindAsync(conversationId);
        return conversation is null ? (null, DirectLineProblems.NotFound()) : (conversation, null);
    }

    /// <summary>An absent or empty watermark means "from the start".</summary>
    internal static bool TryReadWatermark(HttpRequest request, out long? watermark)
    {
        var text = request.Query["watermark"].ToString();
        watermark = null;
        if (text.Length == 0)
        {
            return true;
        }
        if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            watermark = value;
            return true;
        }
        return false;
    }

    /// <summary>The ActivitySet, written around activities already stored as JSON.</summary>
    internal static string ActivitySet(IEnumerable<string> activities, long watermark) =>
        $$"""{"activities":[{{string.Join(',', activities)}}],"watermark":"{{watermark}}"}""";

    private static async Task<(string? UserId, IResult? Problem)> ReadUserAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || !request.HasJsonContentType())
        {
            return (null, null);
        }
        TokenParameters? parameters;
        try
        {
            parameters = await System.Text.Json.JsonSerializer.DeserializeAsync(request.Body, DirectLineJsonContext.Default.TokenParameters, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return (null, DirectLineProblems.BadRequest("The body is not JSON of the form {\"user\":{\"id\":\"…\"}}."));
        }
        var id = parameters?.User?.Id;
        if (id is null)
        {
            return (null, null);
        }
        return DirectLineActivities.IsValidUserId(id) ? (id, null) : (null, DirectLineProblems.BadRequest("user.id must be 1–64 letters, digits or - _ . : @."));
    }

    private static JsonHttpResult<T> Json<T>(T value, int status = StatusCodes.Status200OK) where T : class =>
        TypedResults.Json(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)DirectLineJsonContext.Default.GetTypeInfo(typeof(T))!, statusCode: status);
}
