using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Channels.BotFramework.Auth;

/// <summary>
/// The JWT on /api/messages as an ASP.NET Core authentication scheme, validated as the Bot
/// Framework SDK does (research note 0.3): issuer routing, signature with a key from the issuer's
/// OpenID metadata, RS256/384/512 only, 5 minutes of clock skew, audience or app id = ours. The
/// token's serviceurl and its key's endorsements become claims, which <see cref="BotConnectorActivityCheck"/>
/// holds the activity to once it is read. Every refusal is a bare 401; only the log says why.
/// With no MicrosoftAppId, requests pass unauthenticated, as the SDK's do.
/// </summary>
public sealed partial class BotConnectorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SigningKeys keys,
    IOptions<BotFrameworkOptions> botOptions,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "BotConnector";
    public const string Policy = "bot-connector";

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private static readonly JsonWebTokenHandler Tokens = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var settings = botOptions.Value;
        if (!settings.AuthenticationEnabled)
        {
            return Success([new Claim(BotConnectorClaims.Unauthenticated, "true")]);
        }
        var (claims, refusal) = await ValidateAsync(Request.Headers.Authorization.ToString(), settings, Context.RequestAborted);
        if (refusal is not null)
        {
            LogRefused(Logger, refusal);
            return AuthenticateResult.Fail(refusal);
        }
        return Success(claims!);
    }

    private static AuthenticateResult Success(IEnumerable<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    /// <summary>The token's claims the activity is held to, or why the request is refused.</summary>
    private async Task<(List<Claim>? Claims, string? Refusal)> ValidateAsync(string header, BotFrameworkOptions settings, CancellationToken cancellationToken)
    {
        var parts = header.Split(' ');
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "no Bearer token");
        }
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return (null, "malformed token");
        }
        if (!Algorithms.Contains(token.Alg))
        {
            return (null, $"algorithm {token.Alg} not allowed");
        }
        var source = TokenIssuers.Classify(token.Issuer, Claim(token, "tid"));
        var metadataUrl = source switch
        {
            TokenSource.Channel => settings.OpenIdMetadataUrl,
            TokenSource.Government => settings.GovOpenIdMetadataUrl,
            TokenSource.Emulator => settings.EmulatorOpenIdMetadataUrl,
            _ => null,
        };
        if (metadataUrl is null)
        {
            return (null, "unknown issuer");
        }
        var key = await keys.FindAsync(metadataUrl, token.Kid ?? "", cancellationToken);
        if (key is null)
        {
            return (null, "unknown signing key");
        }
        var validation = await Tokens.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = key.Key,
            ValidIssuer = token.Issuer,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            ValidateAudience = false, // checked below, per issuer
            ValidateLifetime = false, // checked below, on our clock
            TryAllIssuerSigningKeys = false,
        });
        if (!validation.IsValid)
        {
            return (null, "bad signature");
        }
        var problem = LifetimeProblem(token)
            ?? (key.Endorsements is null && source != TokenSource.Emulator ? "key has no endorsements" : null)
            ?? (source == TokenSource.Emulator ? EmulatorProblem(token, settings) : AudienceProblem(token, settings));
        return problem is not null ? (null, problem) : (ClaimsOf(token, key, source), null);
    }

    /// <summary>What the activity is held to: the serviceurl the channel signed (Emulator tokens carry none) and the channels the key may sign for.</summary>
    private static List<Claim> ClaimsOf(JsonWebToken token, SigningKey key, TokenSource source)
    {
        List<Claim> claims = [new(BotConnectorClaims.Source, source.ToString())];
        if (source != TokenSource.Emulator)
        {
            claims.Add(new Claim(BotConnectorClaims.ServiceUrl, Claim(token, "serviceurl") ?? ""));
        }
        claims.AddRange((key.Endorsements ?? []).Select(channel => new Claim(BotConnectorClaims.Endorsement, channel)));
        if (key.Endorsements is null)
        {
            claims.Add(new Claim(BotConnectorClaims.AnyChannel, "true"));
        }
        return claims;
    }

    private string? LifetimeProblem(JsonWebToken token)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (token.ValidTo == DateTime.MinValue)
        {
            return "no expiry";
        }
        if (now > token.ValidTo + ClockSkew)
        {
            return "expired";
        }
        return token.ValidFrom != DateTime.MinValue && now < token.ValidFrom - ClockSkew ? "not yet valid" : null;
    }

    private static string? AudienceProblem(JsonWebToken token, BotFrameworkOptions settings) =>
        token.Audiences.Contains(settings.MicrosoftAppId) ? null : "audience is not this bot";

    /// <summary>Emulator tokens are Entra tokens for our app: version 1.0 names it in appid, 2.0 in azp.</summary>
    private static string? EmulatorProblem(JsonWebToken token, BotFrameworkOptions settings)
    {
        var appId = Claim(token, "ver") switch
        {
            null or "" or "1.0" => Claim(token, "appid"),
            "2.0" => Claim(token, "azp"),
            _ => null,
        };
        return appId == settings.MicrosoftAppId ? null : "token is not for this bot";
    }

    private static string? Claim(JsonWebToken token, string type) => token.TryGetPayloadValue<string>(type, out var value) ? value : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Bot Connector request: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
