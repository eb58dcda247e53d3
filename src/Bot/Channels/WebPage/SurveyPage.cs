using System.Text.Json;
using Bot.Channels.DirectLine;
using Bot.Configuration;
using Bot.Dialogs;
using Microsoft.AspNetCore.Http.HttpResults;
using QRCoder;

namespace Bot.Channels.WebPage;

/// <summary>
/// The survey page and its QR code as both kinds of link serve them: the desk poster's open link
/// (/s/{form}/{commune}/{signature}) and a per-case or per-cadre invitation (/s/i/{code}/{signature}).
/// </summary>
public static class SurveyPage
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' ws: wss:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The page for <paramref name="linkPath"/>; <paramref name="notice"/> (whether the form counts) follows the intro.
    /// <paramref name="onePerson"/>: an invitation's page, which one person opens (see <see cref="PageConfig"/>); the
    /// desk poster's open link is not, as the desk's tablet passes from hand to hand.
    /// </summary>
    public static ContentHttpResult Render(
        HttpContext context, WebPageAssets assets, BotTexts texts, BotOptions options, string form, string communeName, string linkPath, string? notice, bool onePerson)
    {
        var config = new PageConfig(
            Link: linkPath,
            StartUrl: $"{context.Request.PathBase}/s/{linkPath}/conversations",
            DirectLine: $"{context.Request.PathBase}{DirectLineEndpoints.BasePath}",
            MaxLength: options.MaxTextLength,
            Texts: PageTexts(texts, options.MaxTextLength),
            OnePerson: onePerson);
        var html = assets.Render("survey.html", new Dictionary<string, string>
        {
            ["heading"] = texts[$"page.heading.{form}"],
            ["communeName"] = communeName,
            ["intro"] = notice is null ? texts["page.intro"] : $"{texts["page.intro"]} {notice}",
            ["noScript"] = texts["page.noScript"],
            ["choicesLabel"] = texts["page.choices"],
            ["inputLabel"] = texts["page.inputLabel"],
            ["placeholder"] = texts["page.placeholder"],
            ["send"] = texts["page.send"],
            ["maxLength"] = options.MaxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The default encoder escapes < > & and quotes, so the JSON cannot end its script element.
            ["configJson"] = JsonSerializer.Serialize(config, WebPageJsonContext.Default.PageConfig),
            ["cssVersion"] = assets.Versions["survey.css"],
            ["jsVersion"] = assets.Versions["survey.js"],
        });
        return Html(context, html);
    }

    /// <summary>The QR code (error correction M) of a page's public address.</summary>
    public static FileContentHttpResult QrCode(HttpContext context, string url)
    {
        using var generator = new QRCodeGenerator();
        // Level M survives a scuffed, laminated print and keeps the code coarse enough for cheap cameras.
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.File(new PngByteQRCode(data).GetGraphic(12), "image/png");
    }

    /// <summary>The polite page for a link that is not ours, tampered with, or no longer valid.</summary>
    public static ContentHttpResult Refused(HttpContext context, WebPageAssets assets, BotTexts texts, string bodyKey = "page.refused.body")
    {
        var html = assets.Render("refused.html", new Dictionary<string, string>
        {
            ["title"] = texts["page.refused.title"],
            ["body"] = texts[bodyKey],
            ["cssVersion"] = assets.Versions["survey.css"],
        });
        return Html(context, html, StatusCodes.Status404NotFound);
    }

    public static ContentHttpResult Html(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    private static Dictionary<string, string> PageTexts(BotTexts texts, int maxLength) => new()
    {
        ["connecting"] = texts["page.connecting"],
        ["reconnecting"] = texts["page.reconnecting"],
        ["sendFailed"] = texts["page.sendFailed"],
        ["startFailed"] = texts["page.startFailed"],
        ["finished"] = texts["page.finished"],
        ["busy"] = texts["busy"],
        ["tooLong"] = texts.Format("tooLong", ("max", maxLength)),
        ["you"] = texts["page.you"],
        ["bot"] = texts["page.bot"],
    };
}
