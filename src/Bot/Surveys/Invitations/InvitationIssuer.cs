using Bot.Channels.WebPage;

namespace Bot.Surveys.Invitations;

/// <summary>Stores a checked invitation (once: the same code again returns what is stored) and gives what the caller prints.</summary>
public sealed class InvitationIssuer(InvitationStore store, InvitationCodes codes)
{
    public async Task<(InvitationIssued Issued, bool Created)> IssueAsync(ValidInvitation valid, string origin)
    {
        var (stored, created) = await store.CreateAsync(valid.Code, valid.Invitation);
        var url = InvitationPageEndpoints.Url(origin, valid.Code, codes);
        return (new InvitationIssued(valid.Code, url, url + "/qr.png", stored.ExpiresAt), created);
    }
}
