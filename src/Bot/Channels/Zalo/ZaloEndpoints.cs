using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.Channels.Zalo;

/// <summary>
/// POST /api/zalo, the OA webhook: the signature is checked on the raw bytes before the event is
/// read; a new event is stored as pending in one Redis round trip and answered 200 at once (Zalo
/// wants an answer within 2 s); the turn runs afterwards (<see cref="ZaloTurns"/>).
/// </summary>
public static partial class ZaloEndpoints
{
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapZaloEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/zalo", HandleAsync);
        return app;
    }

    private static async Task<Results<Ok, UnauthorizedHttpResult, ProblemHttpResult>> HandleAsync(
        HttpRequest request, IOptions<ZaloOptions> options, ZaloInbox inbox, ZaloTurns turns, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return TypedResults.Problem(title: "Zalo is not configured", detail: "Set Zalo:AppId to receive Official Account events.", statusCode: StatusCodes.Status404NotFound);
        }
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(title: "Event too large", detail: $"A webhook event is at most {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        var log = logs.CreateLogger(nameof(ZaloEndpoints));
        var signature = request.Headers["X-ZEvent-Signature"].ToString();
        if (signature.Length == 0 && IsEmptyObject(body))
        {
            // Saving the webhook address in the Zalo console posts an unsigned {} and wants a 200; it carries no event.
            return TypedResults.Ok();
        }
        if (!IsSigned(body, signature, request.Headers["X-ZEvent-Timestamp"].ToString(), settings))
        {
            LogRefused(log, "bad signature");
            return TypedResults.Unauthorized();
        }
        var raw = Encoding.UTF8.GetString(body);
        var zaloEvent = ZaloEvent.Parse(raw);
        if (zaloEvent is null)
        {
            return TypedResults.Problem(title: "Bad event", detail: "The body is not a Zalo event.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (zaloEvent.AppId != settings.AppId)
        {
            LogRefused(log, "event for another app");
            return TypedResults.Unauthorized();
        }
        if (ZaloActivities.IsEcho(zaloEvent) || !IsForOurOa(zaloEvent, settings))
        {
            return TypedResults.Ok();
        }
        // Zalo resends an event it thinks was not delivered: the same msg_id is accepted once.
        var eventId = zaloEvent.Message?.MsgId is { Length: > 0 } msgId ? msgId : Convert.ToHexStringLower(SHA256.HashData(body));
        if (await inbox.AcceptAsync(eventId, raw))
        {
            turns.Enqueue(eventId, zaloEvent);
        }
        return TypedResults.Ok();
    }

    /// <summary>Zalo's documentation signs with the body's timestamp; some deliveries are reported to use the header's: either is accepted.</summary>
    private static bool IsSigned(byte[] body, string signature, string headerTimestamp, ZaloOptions settings) =>
        ZaloSignature.IsValid(body, signature, settings.AppId, ZaloSignature.Timestamp(body), settings.OaSecretKey)
        || (headerTimestamp.Length > 0 && ZaloSignature.IsValid(body, signature, settings.AppId, headerTimestamp, settings.OaSecretKey));

    private static bool IsForOurOa(ZaloEvent e, ZaloOptions settings) =>
        settings.OaId.Length == 0 || (e.Recipient?.Id ?? e.OaId) == settings.OaId;

    private static bool IsEmptyObject(byte[] body) => Encoding.UTF8.GetString(body).Trim() is "{}";

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Zalo webhook request: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
