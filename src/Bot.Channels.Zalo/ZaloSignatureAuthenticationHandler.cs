using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Bot.Channels.Zalo;

/// <summary>The webhook's body, read once by the signature check and kept for the endpoint.</summary>
public sealed record ZaloWebhookBody(byte[] Bytes, bool IsConsoleCheck);

/// <summary>
/// The OA webhook's signature as an ASP.NET Core authentication scheme: the body (at most 64 KiB)
/// is read once and its X-ZEvent-Signature checked on the raw bytes before anything reads the
/// event. Refusals: Zalo not configured 404, a body too large 413 (both problem+json), a bad
/// signature a bare 401. Saving the webhook address in the Zalo console posts an unsigned {} and
/// wants a 200: it passes as a console check that carries no event.
/// </summary>
public sealed partial class ZaloSignatureAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<ZaloOptions> zalo) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ZaloSignature";
    public const string Policy = "zalo-webhook";
    public const int MaxBodyBytes = 64 * 1024;

    private const string NotConfigured = "not configured";
    private const string TooLarge = "too large";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var settings = zalo.Value;
        if (!settings.Enabled)
        {
            return AuthenticateResult.Fail(NotConfigured);
        }
        var body = await ReadBodyAsync(Request, Context.RequestAborted);
        if (body is null)
        {
            return AuthenticateResult.Fail(TooLarge);
        }
        var signature = Request.Headers["X-ZEvent-Signature"].ToString();
        var consoleCheck = signature.Length == 0 && Encoding.UTF8.GetString(body).Trim() is "{}";
        if (!consoleCheck && !IsSigned(body, signature, Request.Headers["X-ZEvent-Timestamp"].ToString(), settings))
        {
            LogRefused(Logger, "bad signature");
            return AuthenticateResult.Fail("bad signature");
        }
        Context.Features.Set(new ZaloWebhookBody(body, consoleCheck));
        var identity = new ClaimsIdentity([new Claim("zalo/app", settings.AppId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var answer = result.Failure?.Message switch
        {
            NotConfigured => TypedResults.Problem(title: "Zalo is not configured", detail: "Set Zalo:AppId to receive Official Account events.", statusCode: StatusCodes.Status404NotFound),
            TooLarge => TypedResults.Problem(title: "Event too large", detail: $"A webhook event is at most {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge),
            _ => (IResult)TypedResults.Unauthorized(),
        };
        await answer.ExecuteAsync(Context);
    }

    /// <summary>Zalo's documentation signs with the body's timestamp; some deliveries are reported to use the header's: either is accepted.</summary>
    private static bool IsSigned(byte[] body, string signature, string headerTimestamp, ZaloOptions settings) =>
        ZaloSignature.IsValid(body, signature, settings.AppId, ZaloSignature.Timestamp(body), settings.OaSecretKey)
        || (headerTimestamp.Length > 0 && ZaloSignature.IsValid(body, signature, settings.AppId, headerTimestamp, settings.OaSecretKey));

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
