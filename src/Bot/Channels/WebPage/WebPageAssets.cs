using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Bot.Channels.WebPage;

/// <summary>
/// The page's files (copied to the output's web/ folder), read once at start. The HTML files are
/// templates whose {{name}} slots are filled, HTML-encoded, from the dialog texts and the link.
/// </summary>
public sealed partial class WebPageAssets
{
    // Vietnamese letters stay as they are (the page is UTF-8); only what HTML gives meaning to is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly FrozenDictionary<string, string> _files;

    public WebPageAssets()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "web");
        _files = Directory.GetFiles(folder).ToFrozenDictionary(path => Path.GetFileName(path), File.ReadAllText, StringComparer.Ordinal);
        Versions = _files.ToFrozenDictionary(f => f.Key, f => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(f.Value)))[..12], StringComparer.Ordinal);
    }

    /// <summary>A short hash of each file, for ETags and cache-busting query strings.</summary>
    public FrozenDictionary<string, string> Versions { get; }

    /// <summary>A static file (script or style sheet); null for a name we do not serve.</summary>
    public string? Static(string name) => name.EndsWith(".js", StringComparison.Ordinal) || name.EndsWith(".css", StringComparison.Ordinal) ? _files.GetValueOrDefault(name) : null;

    /// <summary>Fills a template. Values are HTML-encoded, except those named "*Json", which the caller has made safe for a script element.</summary>
    public string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Slot().Replace(_files[template], match =>
        {
            var name = match.Groups[1].Value;
            var value = values.TryGetValue(name, out var found) ? found : throw new InvalidOperationException($"The template {template} needs a value for {name}.");
            return name.EndsWith("Json", StringComparison.Ordinal) ? value : Encoder.Encode(value);
        });

    [GeneratedRegex(@"\{\{([A-Za-z0-9]+)\}\}")]
    private static partial Regex Slot();
}
