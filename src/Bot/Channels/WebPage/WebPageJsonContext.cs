using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Channels.WebPage;

/// <summary>
/// What the page's script needs: its link, where to start and talk, the text limit, its words, and whether the page is
/// one person's (an invitation's), whose survey left open goes on when the link is opened again in the same browser.
/// </summary>
public sealed record PageConfig(string Link, string StartUrl, string DirectLine, int MaxLength, IReadOnlyDictionary<string, string> Texts, bool OnePerson);

/// <summary>
/// A page's Direct Line conversation (as <c>POST conversations</c> answers), with the page's device
/// token to keep and the stamp to send in its startSurvey event.
/// </summary>
public sealed record PageConversation(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl,
    string Device,
    string Stamp);

/// <summary>One commune's survey links, by form, and its printable poster.</summary>
public sealed record CommuneLinks(string CommuneId, string Name, IReadOnlyDictionary<string, string> Links, string? Poster);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PageConfig))]
[JsonSerializable(typeof(PageConversation))]
[JsonSerializable(typeof(List<CommuneLinks>))]
internal sealed partial class WebPageJsonContext : JsonSerializerContext;
