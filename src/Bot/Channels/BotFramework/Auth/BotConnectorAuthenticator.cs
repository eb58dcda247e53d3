using Bot.Activities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bot.Channels.BotFramework.Auth;

/// <summary>
/// Validates the JWT on /api/messages as the Bot Framework SDK does (research note 0.3):
/// issuer routing, signature with a key from the issuer's OpenID metadata, RS256/384/512 only,
/// 5 minutes of clock skew, audience or app id = ours, the key endorsed for the activity's
/// channel, and the serviceurl claim equal to the activity's serviceUrl. Every refusal is a bare
/// 401 to the caller; only the log says why. With no MicrosoftAppId, requests pass unauthenticated.
/// </summary>
public sealed partial class BotConnectorAuthenticator(
    SigningKeys keys, IOptions<BotFrameworkOptions> options, TimeProvider clock, ILogger<BotConnectorAuthenticator> log) : IInboundAuthenticator
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<bool> IsAllowedAsync(HttpRequest request, Activity activity, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.AuthenticationEnabled)
        {
            return true;
        }
        var refusal = await RefusalAsync(request.Headers.Authorization.ToString(), activity, settings, cancellationToken);
        if (refusal is not null)
        {
            LogRefused(activity.ChannelId, refusal);
            return false;
        }
        return true;
    }

    /// <summary>Why the request is refused, or null when it may run.</summary>
    private async Task<string?> RefusalAsync(string header, Activity activity, BotFrameworkOptions settings, CancellationToken cancellationToken)
    {
        var parts = header.Split(' ');
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return "no Bearer token";
        }
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return "malformed token";
        }
        if (!Algorithms.Contains(token.Alg))
        {
            return $"algorithm {token.Alg} not allowed";
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
            return "unknown issuer";
        }
        var key = await keys.FindAsync(metadataUrl, token.Kid ?? "", cancellationToken);
        if (key is null)
        {
            return "unknown signing key";
        }
        var validation = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
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
            return "bad signature";
        }
        return LifetimeProblem(token)
            ?? EndorsementProblem(key, activity.ChannelId, source)
            ?? (source == TokenSource.Emulator ? EmulatorProblem(token, settings) : ChannelProblem(token, activity, settings));
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

    /// <summary>A key Microsoft endorsed for some channels signs only for those; a key with no endorsements is good only for Emulator tokens.</summary>
    private static string? EndorsementProblem(SigningKey key, string? channelId, TokenSource source)
    {
        if (key.Endorsements is null)
        {
            return source == TokenSource.Emulator ? null : "key has no endorsements";
        }
        return string.IsNullOrEmpty(channelId) || key.Endorsements.Contains(channelId) ? null : "key not endorsed for the channel";
    }

    private static string? ChannelProblem(JsonWebToken token, Activity activity, BotFrameworkOptions settings)
    {
        if (!token.Audiences.Contains(settings.MicrosoftAppId))
        {
            return "audience is not this bot";
        }
        var serviceUrl = Claim(token, "serviceurl");
        if (serviceUrl is null || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "serviceurl claim does not match the activity";
        }
        return settings.IsAllowedServiceUrl(activity.ServiceUrl) ? null : "serviceUrl host not on the allow-list";
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Bot Connector request on channel {ChannelId}: {Reason}")]
    private partial void LogRefused(string? channelId, string reason);
}
