using Bot.Channels.DirectLine;
using Bot.Configuration;
using Bot.Dialogs;
using Bot.ApiKeys;
using Bot.Surveys;
using Bot.Surveys.Invitations;
using Bot.Units;
using Microsoft.Extensions.Options;
using Scoring.Rules;

namespace Bot.Channels.WebPage;

/// <summary>
/// The survey page that a QR code at the desk opens: /s/{form}/{communeId}/{signature}, with the
/// conversation it starts, its QR code and its printable A5 poster. A link that is not ours
/// gets a polite page, and nothing else.
/// </summary>
public static class SurveyPageEndpoints
{
    public static IEndpointRouteBuilder MapSurveyPageEndpoints(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("/s").RequireRateLimiting(DirectLineServices.AddressPolicy);
        page.MapGet("/assets/{name}", Asset);
        page.MapGet("/{form}/{communeId}/{signature}", PageAsync);
        page.MapPost("/{form}/{communeId}/{signature}/conversations", StartConversationAsync);
        page.MapGet("/{form}/{communeId}/{signature}/qr.png", QrCodeAsync);
        page.MapGet("/{form}/{communeId}/{signature}/poster", PosterAsync);
        app.MapGet("/api/admin/survey-links", SurveyLinksAsync).RequireAuthorization(ApiKeyRoles.AdminPolicy);
        return app;
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, string form, string communeId, string signature, SurveyLinks links, ICommuneDirectory communes,
        WebPageAssets assets, BotTexts texts, ScoringRules rules, TimeProvider clock, IOptions<BotOptions> options, CancellationToken cancellationToken)
    {
        var found = await FindAsync(links, communes, form, communeId, signature, cancellationToken);
        if (found is not var (link, commune))
        {
            return SurveyPage.Refused(context, assets, texts);
        }
        // Say on the page what the chat will say: a form from the open link is feedback unless the year counts it.
        var year = clock.GetUtcNow().ToOffset(rules.Calendar.Offset).Year;
        var notice = rules.Counting.OpenFormsCount(year) ? null : texts[$"page.openNotice.{link.Form}"];
        return SurveyPage.Render(context, assets, texts, options.Value, link.Form, commune.Name, link.Path, notice, onePerson: false);
    }

    /// <summary>The conversation for this page, with its device token and stamp (see <see cref="PageConversationStart"/>).</summary>
    private static async Task<IResult> StartConversationAsync(
        HttpContext context, string form, string communeId, string signature, SurveyLinks links, ICommuneDirectory communes,
        DirectLineConversations conversations, PageStamps stamps, CancellationToken cancellationToken)
    {
        if (await FindAsync(links, communes, form, communeId, signature, cancellationToken) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown survey link", detail: "This survey link was not made by this service.");
        }
        return await PageConversationStart.StartAsync(context, conversations, stamps);
    }

    private static async Task<IResult> QrCodeAsync(
        HttpContext context, string form, string communeId, string signature, SurveyLinks links, ICommuneDirectory communes,
        IOptions<SurveyLinkOptions> options, CancellationToken cancellationToken)
    {
        if (await FindAsync(links, communes, form, communeId, signature, cancellationToken) is not var (link, _))
        {
            return TypedResults.NotFound();
        }
        return SurveyPage.QrCode(context, PublicUrl(context.Request, options.Value, link));
    }

    private static async Task<IResult> PosterAsync(
        HttpContext context, string form, string communeId, string signature, SurveyLinks links, ICommuneDirectory communes,
        WebPageAssets assets, BotTexts texts, ScoringRules rules, TimeProvider clock, IOptions<SurveyLinkOptions> options, CancellationToken cancellationToken)
    {
        if (await FindAsync(links, communes, form, communeId, signature, cancellationToken) is not var (link, commune))
        {
            return SurveyPage.Refused(context, assets, texts);
        }
        // The poster says the same truth as the page: the open link's forms count only in listed years.
        var year = clock.GetUtcNow().ToOffset(rules.Calendar.Offset).Year;
        var why = rules.Counting.OpenFormsCount(year) ? "poster.why" : "poster.why.feedback";
        var html = assets.Render("poster.html", new Dictionary<string, string>
        {
            ["title"] = texts.Format("poster.title", ("communeName", commune.Name)),
            ["communeName"] = commune.Name,
            ["heading"] = texts["poster.heading"],
            ["scan"] = texts["poster.scan"],
            ["why"] = texts.Format(why, ("communeName", commune.Name)),
            ["sloganTitle"] = texts["poster.sloganTitle"],
            ["sloganXin"] = texts["poster.slogan.xin"],
            ["sloganLuon"] = texts["poster.slogan.luon"],
            ["sloganKhong"] = texts["poster.slogan.khong"],
            ["link"] = texts.Format("poster.link", ("url", PublicUrl(context.Request, options.Value, link))),
            ["cssVersion"] = assets.Versions["poster.css"],
        });
        return SurveyPage.Html(context, html);
    }

    /// <summary>For administrators (the admin key's policy): every commune's survey links and posters.</summary>
    private static async Task<IResult> SurveyLinksAsync(
        HttpRequest request, SurveyLinks links, ICommuneDirectory communes, ScoringRules rules, IOptions<SurveyLinkOptions> options, CancellationToken cancellationToken)
    {
        var forms = rules.Scheme.Surveys.Values.Select(d => d.Form).Distinct().Order(StringComparer.Ordinal).ToList();
        var result = (await communes.AllAsync(cancellationToken)).Select(c =>
        {
            var byForm = forms.ToDictionary(f => f, f => PublicUrl(request, options.Value, links.Make(f, c.Id)));
            return new CommuneLinks(c.Id, c.Name, byForm, byForm.GetValueOrDefault("citizen") is { } citizen ? citizen + "/poster" : null);
        }).ToList();
        return TypedResults.Json(result, WebPageJsonContext.Default.ListCommuneLinks);
    }

    private static async Task<(SurveyLink Link, Commune Commune)?> FindAsync(
        SurveyLinks links, ICommuneDirectory communes, string form, string communeId, string signature, CancellationToken cancellationToken)
    {
        if (links.Read(form, communeId, signature) is not { } link)
        {
            return null;
        }
        // A genuine link to a commune since merged away is refused the same way.
        return await communes.FindAsync(link.CommuneId, cancellationToken) is { } commune ? (link, commune) : null;
    }

    private static string PublicUrl(HttpRequest request, SurveyLinkOptions options, SurveyLink link) => $"{options.Origin(request)}/s/{link.Path}";

    private static IResult Asset(HttpContext context, string name, WebPageAssets assets)
    {
        if (assets.Static(name) is not { } content)
        {
            return TypedResults.NotFound();
        }
        // Addressed with ?v={hash}, so a year-long cache is safe and a phone on 3G fetches it once.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(content, name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
    }
}
