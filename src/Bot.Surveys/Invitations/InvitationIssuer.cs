
namespace Bot.Surveys.Invitations;

/// <summary>
/// Stores a checked invitation (once: the same code again returns what is stored) and gives what the
/// caller prints; a cadre's first finds or makes the registration its code and reference come from.
/// </summary>
public sealed class InvitationIssuer(InvitationStore store, InvitationCodes codes)
{
    /// <param name="issuedBy">Who asks for a case's invitation (<see cref="Scoring.Rules.InvitationIssuers"/>), kept on it; a cadre's has none.</param>
    public async Task<(InvitationIssued Issued, bool Created)> IssueAsync(ValidInvitation valid, string origin, string? issuedBy = null)
    {
        var (code, invitation) = valid.CadreIdentity is { } identity
            ? await RegisteredAsync(identity, valid.Invitation)
            : (valid.Code!, valid.Invitation with { IssuedBy = issuedBy });
        var (stored, created) = await store.CreateAsync(code, invitation);
        var url = codes.PageUrl(origin, code);
        return (new InvitationIssued(code, url, url + "/qr.png", stored.ExpiresAt), created);
    }

    /// <summary>A cadre's registration (the first one made for this identity) gives the reference and the code.</summary>
    private async Task<(string Code, Invitation Invitation)> RegisteredAsync(string identity, Invitation invitation)
    {
        var registration = await store.RegistrationIdAsync(identity);
        return (codes.ForRegistration(registration), invitation with { Reference = InvitationCodes.RegistrationPrefix + registration });
    }
}
