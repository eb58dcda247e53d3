using System.Text.Json;
using Bot.Activities;
using Bot.Channels.BotFramework.Auth;
using Bot.Turns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Channels.BotFramework;

/// <summary>
/// POST /api/messages, the Bot Connector endpoint: authenticated by the Bot Connector scheme, the
/// activity held to the caller's token, then translate, run the turn, send
/// the replies through the connector (or return them for deliveryMode "expectReplies"). Card
/// answers arrive as a message with a value (Action.Submit) or as an adaptiveCard/action invoke
/// (Action.Execute); both become the answer's text, and the answered card is replaced.
/// </summary>
public static partial class BotFrameworkEndpoints
{
    private static readonly HashSet<string> TurnTypes = [ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.Event];

    public static IEndpointRouteBuilder MapBotFrameworkEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync).RequireAuthorization(BotConnectorAuthenticationHandler.Policy);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, IAuthorizationService authorization, TurnPipeline pipeline, ConnectorClient connector, BotConnectorSender sender, TeamsCards cards,
        ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var activity = await ReadAsync(request, cancellationToken);
        var problem = activity is null ? "The body is not a JSON activity." : Problem(activity);
        if (problem is not null)
        {
            return TypedResults.Problem(detail: problem, statusCode: StatusCodes.Status400BadRequest, title: "Bad activity");
        }
        if (!(await authorization.AuthorizeAsync(request.HttpContext.User, activity, new ActivityFromTokenRequirement())).Succeeded)
        {
            return TypedResults.Unauthorized();
        }
        var log = logs.CreateLogger(nameof(BotFrameworkEndpoints));
        if (activity!.Type == ActivityTypes.Invoke)
        {
            return await InvokeAsync(activity, pipeline, sender, cards, cancellationToken);
        }
        var cardAnswer = activity.Type == ActivityTypes.Message && string.IsNullOrEmpty(activity.Text) ? CardAnswer.Read(activity.Value) : null;
        if (cardAnswer is not null)
        {
            activity.Text = cardAnswer.Answer;
        }
        // Types this bot does not act on (typing, messageReaction…) are acknowledged and ignored (spec A2014).
        var result = TurnTypes.Contains(activity.Type!) ? await pipeline.RunAsync(activity, cancellationToken) : TurnResult.NoReplies;
        if (activity.DeliveryMode == "expectReplies")
        {
            return TypedResults.Json(new ExpectedReplies([.. result.Replies.Select(BotConnectorSender.AsShown)]), BotJsonContext.Wire.ExpectedReplies);
        }
        if (!await DeliverAsync(result, sender, cancellationToken))
        {
            return TypedResults.StatusCode(StatusCodes.Status502BadGateway);
        }
        if (cardAnswer is not null && !string.IsNullOrEmpty(activity.ReplyToId))
        {
            await ReplaceAnsweredCardAsync(activity, cardAnswer, connector, cards, log, cancellationToken);
        }
        return TypedResults.Ok();
    }

    /// <summary>Action.Execute: the answer runs as a message turn; the HTTP response carries the answered card, which Teams shows in place of the old one.</summary>
    private static async Task<IResult> InvokeAsync(
        Activity invoke, TurnPipeline pipeline, BotConnectorSender sender, TeamsCards cards, CancellationToken cancellationToken)
    {
        if (invoke.Name != "adaptiveCard/action")
        {
            // No handler, as the SDK answers.
            return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
        }
        var action = invoke.Value is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        if (action.ValueKind != JsonValueKind.Object || !action.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Action.Execute")
        {
            return InvokeError("NotSupported", "The action type is not Action.Execute.");
        }
        var answer = CardAnswer.Read(action.TryGetProperty("data", out var data) ? data : null);
        if (answer is null)
        {
            return InvokeError("BadRequest", "The action carries no answer.");
        }
        var message = invoke.AsMessage(answer.Answer, data);
        var result = await pipeline.RunAsync(message, cancellationToken);
        if (!await DeliverAsync(result, sender, cancellationToken))
        {
            return TypedResults.StatusCode(StatusCodes.Status502BadGateway);
        }
        return InvokeResponse(StatusCodes.Status200OK, AdaptiveCardAttachment.ContentType, cards.Answered(answer));
    }

    /// <summary>Sends the replies in order; false at the first the connector did not take (the state is saved; "trợ giúp" shows the question again).</summary>
    private static async Task<bool> DeliverAsync(TurnResult result, BotConnectorSender sender, CancellationToken cancellationToken)
    {
        foreach (var reply in result.Replies)
        {
            if (!await sender.SendAsync(reply, cancellationToken))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Action.Submit has no response to carry a card: the answered card replaces the old one through the connector.</summary>
    private static async Task ReplaceAnsweredCardAsync(
        Activity activity, CardAnswer answer, ConnectorClient connector, TeamsCards cards, ILogger log, CancellationToken cancellationToken)
    {
        var update = activity.CreateReply(null);
        update.Id = activity.ReplyToId;
        update.ReplyToId = null;
        update.InputHint = null;
        update.Attachments = [AdaptiveCardAttachment.Of(cards.Answered(answer))];
        try
        {
            await connector.UpdateAsync(activity.ReplyToId!, update, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // The answer counted; a stale click on the old card is still refused by its prompt key.
            LogSendFailed(log, e, activity.ChannelId);
        }
    }

    /// <summary>The AdaptiveCardInvokeResponse: its statusCode as the HTTP status, the whole object as the body.</summary>
    private static ContentHttpResult InvokeResponse(int status, string type, JsonElement value) =>
        TypedResults.Text(
            JsonSerializer.Serialize(new InvokeResponseBody(status, type, value), BotJsonContext.Wire.InvokeResponseBody),
            "application/json", statusCode: status);

    private static ContentHttpResult InvokeError(string code, string message) =>
        InvokeResponse(StatusCodes.Status400BadRequest, "application/vnd.microsoft.error",
            JsonSerializer.SerializeToElement(new InvokeError(code, message), BotJsonContext.Default.InvokeError));

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send through the connector of channel {ChannelId}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string? channelId);
}
