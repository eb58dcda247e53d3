using System.Text.Json;
using Bot.Activities;
using Bot.Turns;

namespace Bot.Channels.BotFramework;

/// <summary>
/// POST /api/messages, the Bot Connector endpoint: authenticate, translate, run the turn, send
/// the replies through the connector (or return them for deliveryMode "expectReplies").
/// </summary>
public static partial class BotFrameworkEndpoints
{
    private static readonly HashSet<string> TurnTypes = [ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.Event];

    public static IEndpointRouteBuilder MapBotFrameworkEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, IInboundAuthenticator authenticator, TurnPipeline pipeline, ConnectorClient connector, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var activity = await ReadAsync(request, cancellationToken);
        var problem = activity is null ? "The body is not a JSON activity." : Problem(activity);
        if (problem is not null)
        {
            return TypedResults.Problem(detail: problem, statusCode: StatusCodes.Status400BadRequest, title: "Bad activity");
        }
        if (!await authenticator.IsAllowedAsync(request, activity!, cancellationToken))
        {
            return TypedResults.Unauthorized();
        }
        if (activity!.Type == ActivityTypes.Invoke)
        {
            // No invoke is handled yet (Adaptive Card actions arrive with the Teams issue): the SDK's answer is 501.
            return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
        }
        // Types this bot does not act on (typing, messageReaction…) are acknowledged and ignored (spec A2014).
        var result = TurnTypes.Contains(activity.Type!) ? await pipeline.RunAsync(activity, cancellationToken) : TurnResult.NoReplies;
        if (activity.DeliveryMode == "expectReplies")
        {
            return TypedResults.Json(new ExpectedReplies(result.Replies), BotJsonContext.Default.ExpectedReplies);
        }
        var log = logs.CreateLogger(nameof(BotFrameworkEndpoints));
        try
        {
            foreach (var reply in result.Replies)
            {
                await connector.SendAsync(reply, cancellationToken);
            }
        }
        catch (HttpRequestException e)
        {
            // The state is saved; the user can type "trợ giúp" to see the question again.
            LogSendFailed(log, e, activity.ChannelId);
            return TypedResults.StatusCode(StatusCodes.Status502BadGateway);
        }
        return TypedResults.Ok();
    }

    private static async Task<Activity?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
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

    // Explicit null-safe checks: a property pattern such as "From.Id: null" does not match when From itself is null.
    private static string? Problem(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.Type))
        {
            return "The activity has no type.";
        }
        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return "The activity has no channelId.";
        }
        if (string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return "The activity has no conversation.id.";
        }
        if (string.IsNullOrEmpty(activity.From?.Id))
        {
            return "The activity has no from.id.";
        }
        if (string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return activity.DeliveryMode == "expectReplies" ? null : "The activity has no serviceUrl to reply to.";
        }
        return Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? null
            : "The serviceUrl is not an http(s) URL.";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the turn's replies through the connector of channel {ChannelId}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string? channelId);
}
