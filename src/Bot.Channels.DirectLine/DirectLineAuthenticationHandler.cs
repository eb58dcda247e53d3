using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Bot.Channels.DirectLine;

/// <summary>Options of a Direct Line scheme: the API's (a Bearer secret or token) or the stream's (the stream ticket in "t").</summary>
public sealed class DirectLineAuthenticationOptions : AuthenticationSchemeOptions
{
    public bool FromStreamTicket { get; set; }
}

/// <summary>
/// Direct Line's credentials as ASP.NET Core authentication schemes: "Authorization: Bearer …"
/// with the secret (a commune's server) or a conversation's token, or, for the pre-authorised
/// stream URL, the stream ticket in "t". No credential at all is 401; a wrong, forged or expired
/// one, or one that the endpoint's policy does not accept, is 403, which Web Chat reads as "token
/// expired". Both as problem+json.
/// </summary>
public sealed class DirectLineAuthenticationHandler(
    IOptionsMonitor<DirectLineAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DirectLineTokens tokens) : AuthenticationHandler<DirectLineAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "DirectLine";
    public const string StreamSchemeName = "DirectLineStream";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Options.FromStreamTicket ? Request.Query["t"].ToString() : Bearer();
        if (string.IsNullOrEmpty(presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (!Options.FromStreamTicket && tokens.IsSecret(presented))
        {
            return Task.FromResult(Success([new Claim(DirectLineCaller.SecretClaim, "true")]));
        }
        var claims = tokens.Read(presented, Options.FromStreamTicket ? DirectLineTokens.StreamScope : DirectLineTokens.ApiScope);
        return Task.FromResult(claims is null
            ? AuthenticateResult.Fail("Invalid or expired token.")
            : Success([new Claim(DirectLineCaller.ConversationClaim, claims.Conv), new Claim(DirectLineCaller.UserClaim, claims.User)]));
    }

    private AuthenticateResult Success(Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));

    private string? Bearer()
    {
        var header = Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await (result.Failure is null ? DirectLineProblems.Unauthorized() : DirectLineProblems.Forbidden()).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => DirectLineProblems.Forbidden().ExecuteAsync(Context);
}
