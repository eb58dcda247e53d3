using System.Text.Json;
using Bot.Channels.DirectLine;
using Bot.Dialogs;
using Bot.Hosting;
using Bot.Surveys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QRCoder;
using Scoring.Rules;

namespace Bot.Channels.WebPage;

/// <summary>
/// The survey page that a QR code at the desk opens: /s/{form}/{communeId}/{signature}, with the
/// conversation it starts, its QR code and its printable A5 poster. A link that is not ours
/// gets a polite page, and nothing else.
/// </summary>
public static class SurveyPageEndpoints
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapSurveyPageEndpoints(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("/s").RequireRateLimiting(DirectLineServices.AddressPolicy);
        page.MapGet("/assets/{name}", Asset);
        page.MapGet("/{form}/{communeId}/{signature}", PageAsync);
        page.MapPost("/{form}/{communeId}/{signature}/conversations", StartConversationAsync);
        page.MapGet("/{form}/{communeId}/{signature}/qr.png", QrCodeAsync);
        page.MapGet("/{form}/{communeId}/{signature}/poster", PosterAsync);
        app.MapGet("/api/admin/survey-links", SurveyLinksAsync);
        return app;
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, string form, string communeId, string signature, SurveyLinks links, ICommuneDirectory communes,
        WebPageAssets assets, BotTexts texts, IOptions<BotOptions> options, CancellationToken cancellationToken)
    {
        var found = await FindAsync(links, communes, form, communeId, signature, cancellationToken);
        if (found is not var (link, commune))
        {
            return Refused(context, assets, texts);
        }
        var config = new PageConfig(
            Link: link.Path,
            StartUrl: $"{context.Request.PathBase}/s/{link.Path}/conversations",
            DirectLine: $"{context.Request.PathBase}{DirectLineEndpoints.BasePath}",
            MaxLength: options.Value.MaxTextLength,
            Texts: PageTexts(texts, options.Value.MaxTextLength));
        var html = assets.Render("survey.html", new Dictionary<string, string>
        {
            ["heading"] = texts[$"page.heading.{link.Form}"],
            ["communeName"] = commune.Name,
            ["intro"] = texts["page.intro"],
            ["noScript"] = texts["page.noScript"],
            ["choicesLabel"] = texts["page.choices"],
            ["inputLabel"] = texts["page.inputLabel"],
            ["placeholder"] = texts["page.placeholder"],
            ["send"] = texts["page.send"],
            ["maxLength"] = options.Value.MaxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The default encoder escapes < > & and quotes, so the JSON cannot end its script element.
            ["configJson"] = JsonSerializer.Serialize(config, WebPageJsonContext.Default.PageConfig),
            ["cssVersion"] = assets.Versions["survey.css"],
            ["jsVersion"] = assets.Versions["survey.js"],
        });
        return Html(context, html);
    }

    /// <summary>The conversation for this page: no welcome (the page starts the survey itself).</summary>
    private static async Task<IResult> StartConversationAsync(
        HttpRequest request, string form, string communeId, string signature, SurveyLinks links, ICommuneDirectory communes,
        DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        if (await FindAsync(links, communes, form, communeId, signature, cancellationToken) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown survey link", detail: "This survey link was not made by this service.");
        }
        var started = await conversations.StartAsync(userId: null, welcome: false);
        return TypedResults.Json(conversations.Describe(request, started.ConversationId, started.UserId), DirectLineJsonContext.Default.DirectLineConversation, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> QrCodeAsync(
        HttpContext context, string form, string communeId, string signature, SurveyLinks links, ICommuneDirectory communes,
        IOptions<SurveyLinkOptions> options, CancellationToken cancellationToken)
    {
        if (await FindAsync(links, communes, form, communeId, signature, cancellationToken) is not var (link, _))
        {
            return TypedResults.NotFound();
        }
        using var generator = new QRCodeGenerator();
        // Level M survives a scuffed, laminated print and keeps the code coarse enough for cheap cameras.
        using var data = generator.CreateQrCode(PublicUrl(context.Request, options.Value, link), QRCodeGenerator.ECCLevel.M);
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.File(new PngByteQRCode(data).GetGraphic(12), "image/png");
    }

    private static async Task<IResult> PosterAsync(
        HttpContext context, string form, string communeId, string signature, SurveyLinks links, ICommuneDirectory communes,
        WebPageAssets assets, BotTexts texts, IOptions<SurveyLinkOptions> options, CancellationToken cancellationToken)
    {
        if (await FindAsync(links, communes, form, communeId, signature, cancellationToken) is not var (link, commune))
        {
            return Refused(context, assets, texts);
        }
        var html = assets.Render("poster.html", new Dictionary<string, string>
        {
            ["title"] = texts.Format("poster.title", ("communeName", commune.Name)),
            ["communeName"] = commune.Name,
            ["heading"] = texts["poster.heading"],
            ["scan"] = texts["poster.scan"],
            ["why"] = texts.Format("poster.why", ("communeName", commune.Name)),
            ["sloganTitle"] = texts["poster.sloganTitle"],
            ["sloganXin"] = texts["poster.slogan.xin"],
            ["sloganLuon"] = texts["poster.slogan.luon"],
            ["sloganKhong"] = texts["poster.slogan.khong"],
            ["link"] = texts.Format("poster.link", ("url", PublicUrl(context.Request, options.Value, link))),
            ["cssVersion"] = assets.Versions["poster.css"],
        });
        return Html(context, html);
    }

    /// <summary>For administrators: every commune's survey links and posters (header X-Api-Key).</summary>
    private static async Task<IResult> SurveyLinksAsync(
        HttpRequest request, SurveyLinks links, ICommuneDirectory communes, ScoringRules rules, IOptions<SurveyLinkOptions> options, CancellationToken cancellationToken)
    {
        if (!options.Value.IsAdminKey(request.Headers["X-Api-Key"].ToString()))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Missing or wrong X-Api-Key", detail: "Send the administrator key (SurveyLinks:AdminKey) in the X-Api-Key header.");
        }
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

    private static Dictionary<string, string> PageTexts(BotTexts texts, int maxLength) => new()
    {
        ["connecting"] = texts["page.connecting"],
        ["reconnecting"] = texts["page.reconnecting"],
        ["sendFailed"] = texts["page.sendFailed"],
        ["startFailed"] = texts["page.startFailed"],
        ["busy"] = texts["busy"],
        ["tooLong"] = texts.Format("tooLong", ("max", maxLength)),
        ["you"] = texts["page.you"],
        ["bot"] = texts["page.bot"],
    };

    private static string PublicUrl(HttpRequest request, SurveyLinkOptions options, SurveyLink link)
    {
        var origin = options.PublicBaseUrl?.ToString().TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{origin}/s/{link.Path}";
    }

    private static ContentHttpResult Refused(HttpContext context, WebPageAssets assets, BotTexts texts)
    {
        var html = assets.Render("refused.html", new Dictionary<string, string>
        {
            ["title"] = texts["page.refused.title"],
            ["body"] = texts["page.refused.body"],
            ["cssVersion"] = assets.Versions["survey.css"],
        });
        return Html(context, html, StatusCodes.Status404NotFound);
    }

    private static ContentHttpResult Html(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

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
