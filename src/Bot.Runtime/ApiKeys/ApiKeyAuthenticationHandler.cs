using System.Security.Claims;
using System.Text.Encodings.Web;
using Bot.Dialogs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Bot.ApiKeys;

/// <summary>
/// The bot's two API keys as an ASP.NET Core authentication scheme: the administrator's
/// (SurveyLinks:AdminKey) and the one-stop software's (Invitations:IntegrationKey; the admin key
/// serves when it is unset), each a role the endpoints' policies require. A missing or wrong key,
/// or a key of the other role, gets the same 401 problem, in Vietnamese, naming the header.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<ApiKeyOptions> keys,
    BotTexts texts) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[Header].ToString();
        if (presented.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var roles = new List<string>();
        if (keys.Value.IsAdminKey(presented))
        {
            roles.Add(ApiKeyRoles.Admin);
        }
        if (keys.Value.IsIntegrationKey(presented))
        {
            roles.Add(ApiKeyRoles.Integration);
        }
        if (roles.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong API key."));
        }
        var identity = new ClaimsIdentity([.. roles.Select(r => new Claim(ClaimTypes.Role, r))], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => RefuseAsync();

    // A key of the other role is as wrong for this endpoint as no key: the same answer, no hint of which keys exist.
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => RefuseAsync();

    private Task RefuseAsync()
    {
        var admin = Context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>()?.Policy == ApiKeyRoles.AdminPolicy;
        return TypedResults.Problem(
            detail: texts[admin ? "api.authAdmin" : "api.auth"],
            statusCode: StatusCodes.Status401Unauthorized,
            title: texts["api.title.401"],
            extensions: new Dictionary<string, object?> { ["field"] = "" }).ExecuteAsync(Context);
    }
}
