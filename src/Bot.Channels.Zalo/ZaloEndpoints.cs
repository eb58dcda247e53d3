using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.Channels.Zalo;

/// <summary>
/// POST /api/zalo, the OA webhook: the signature is checked on the raw bytes before the event is
/// read (<see cref="ZaloSignatureAuthenticationHandler"/>); a new event is stored as pending in one Redis round trip and answered 200 at once (Zalo
/// wants an answer within 2 s); the turn runs afterwards (<see cref="ZaloTurns"/>).
/// </summary>
public static partial class ZaloEndpoints
{
    public static IEndpointRouteBuilder MapZaloEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/zalo", HandleAsync).RequireAuthorization(ZaloSignatureAuthenticationHandler.Policy);
        return app;
    }

    private static async Task<Results<Ok, UnauthorizedHttpResult, ProblemHttpResult>> HandleAsync(
        HttpContext context, IOptions<ZaloOptions> options, ZaloInbox inbox, ZaloTurns turns, ILoggerFactory logs)
    {
        var body = context.Features.Get<ZaloWebhookBody>()!;
        if (body.IsConsoleCheck)
        {
            return TypedResults.Ok();
        }
        var settings = options.Value;
        var raw = Encoding.UTF8.GetString(body.Bytes);
        var zaloEvent = ZaloEvent.Parse(raw);
        if (zaloEvent is null)
        {
            return TypedResults.Problem(title: "Bad event", detail: "The body is not a Zalo event.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (zaloEvent.AppId != settings.AppId)
        {
            LogRefused(logs.CreateLogger(nameof(ZaloEndpoints)), "event for another app");
            return TypedResults.Unauthorized();
        }
        if (ZaloActivities.IsEcho(zaloEvent) || !IsForOurOa(zaloEvent, settings))
        {
            return TypedResults.Ok();
        }
        // Zalo resends an event it thinks was not delivered: the same msg_id is accepted once.
        var eventId = zaloEvent.Message?.MsgId is { Length: > 0 } msgId ? msgId : Convert.ToHexStringLower(SHA256.HashData(body.Bytes));
        if (await inbox.AcceptAsync(eventId, raw))
        {
            turns.Enqueue(eventId, zaloEvent);
        }
        return TypedResults.Ok();
    }

    private static bool IsForOurOa(ZaloEvent e, ZaloOptions settings) =>
        settings.OaId.Length == 0 || (e.Recipient?.Id ?? e.OaId) == settings.OaId;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Zalo webhook request: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
