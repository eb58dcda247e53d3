using Bot.Channels.DirectLine;
using Bot.Configuration;
using Bot.Dialogs;
using Bot.Surveys;
using Bot.Surveys.Invitations;
using Bot.Units;
using Microsoft.Extensions.Options;

namespace Bot.Channels.WebPage;

/// <summary>
/// The survey page of one invitation, /s/i/{code}/{signature}, which the QR code on a receipt (or
/// on the desk's tablet) opens, with its conversation and its QR code. A hand-edited address, or
/// a code we never issued, gets the polite refusal page and starts nothing; a used or expired
/// invitation opens the page, and the bot says so kindly.
/// </summary>
public static class InvitationPageEndpoints
{
    public static IEndpointRouteBuilder MapInvitationPageEndpoints(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("/s/i").RequireRateLimiting(DirectLineServices.AddressPolicy);
        page.MapGet("/{code}/{signature}", PageAsync);
        page.MapPost("/{code}/{signature}/conversations", StartConversationAsync);
        page.MapGet("/{code}/{signature}/qr.png", QrCodeAsync);
        return app;
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, string code, string signature, InvitationCodes codes, InvitationStore store, ICommuneDirectory communes,
        WebPageAssets assets, BotTexts texts, IOptions<BotOptions> options, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, signature, codes, store, communes, cancellationToken) is not var (genuine, invitation, commune))
        {
            return SurveyPage.Refused(context, assets, texts, "page.refused.invitation");
        }
        return SurveyPage.Render(context, assets, texts, options.Value, invitation.Form, commune.Name, codes.LinkPath(genuine), notice: null, onePerson: true);
    }

    /// <summary>The conversation for this page, with its device token and stamp (see <see cref="PageConversationStart"/>).</summary>
    private static async Task<IResult> StartConversationAsync(
        HttpContext context, string code, string signature, InvitationCodes codes, InvitationStore store, ICommuneDirectory communes,
        DirectLineConversations conversations, PageStamps stamps, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, signature, codes, store, communes, cancellationToken) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown invitation", detail: "This invitation was not issued by this service.");
        }
        return await PageConversationStart.StartAsync(context, conversations, stamps);
    }

    private static async Task<IResult> QrCodeAsync(
        HttpContext context, string code, string signature, InvitationCodes codes, InvitationStore store, ICommuneDirectory communes,
        IOptions<SurveyLinkOptions> options, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, signature, codes, store, communes, cancellationToken) is not var (genuine, _, _))
        {
            return TypedResults.NotFound();
        }
        return SurveyPage.QrCode(context, codes.PageUrl(options.Value.Origin(context.Request), genuine));
    }

    private static async Task<(string Code, Invitation Invitation, Commune Commune)?> FindAsync(
        string code, string signature, InvitationCodes codes, InvitationStore store, ICommuneDirectory communes, CancellationToken cancellationToken)
    {
        if (codes.ReadSigned(code, signature) is not { } genuine || (await store.FindAsync(InvitationCodes.StorageHash(genuine))).Invitation is not { } invitation)
        {
            return null;
        }
        return await communes.FindAsync(invitation.CommuneId, cancellationToken) is { } commune ? (genuine, invitation, commune) : null;
    }
}
