using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ScoringCore.Hosting;
using ServiceDefaults;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>
/// The core's keys from before the cluster layout to today's names (decision 020): the unit tree
/// under "{units}", and every key of a commune's year ("agg:c:2026", "forms:c:2026:decisions",
/// "ref:c:2026:…", a response found by its commune and year) under "{c:2026}".
/// </summary>
public sealed partial class CoreKeyMigration(IConnectionMultiplexer redis, RedisKeys keys, IOptions<ScoringCoreOptions> options, ILogger<CoreKeyMigration> log)
    : KeyLayoutMigration(redis, log)
{
    protected override string Prefix => options.Value.KeyPrefix;

    protected override string LayoutMarker => keys.KeyLayout;

    protected override IEnumerable<string> OldLayoutLandmarks => ["units"];

    protected override async Task<string?> NewNameAsync(IDatabase database, string key)
    {
        var name = key[Prefix.Length..];
        if (name == "units")
        {
            return keys.Units;
        }
        if (name == "communes")
        {
            return keys.Communes;
        }
        if (CommuneYearKey().Match(name) is { Success: true } match)
        {
            return keys.InCommuneYear(match.Groups["commune"].Value, int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), match.Groups["kind"].Value + match.Groups["rest"].Value);
        }
        if (name.StartsWith("response:", StringComparison.Ordinal) && !name.Contains('{', StringComparison.Ordinal))
        {
            // The response's own record says where it belongs.
            var json = await database.StringGetAsync(key);
            if (json.IsNull)
            {
                return null;
            }
            using var record = JsonDocument.Parse((string)json!);
            return keys.Response(record.RootElement.GetProperty("communeId").GetString()!, record.RootElement.GetProperty("year").GetInt32(), name["response:".Length..]);
        }
        return null;
    }

    [GeneratedRegex("^(?<kind>agg|self|appraisal|forms|ref|device|addr|round|history):(?<commune>[a-z0-9._-]+):(?<year>[0-9]{4})(?<rest>:.*)?$")]
    private static partial Regex CommuneYearKey();
}
