using System.Text.Json;
using Scoring.Text;
using ScoringCore.Contracts;
using ScoringCore.Validation;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>The administrative tree: one hash of unit JSON, plus the set of commune ids.</summary>
public sealed class UnitStore(IConnectionMultiplexer redis, RedisKeys keys)
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<Dictionary<string, UnitDto>> LoadAllAsync()
    {
        var entries = await Db.HashGetAllAsync(keys.Units);
        var units = new Dictionary<string, UnitDto>(entries.Length, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            units[entry.Name!] = Read(entry.Value!);
        }
        return units;
    }

    public async Task<UnitDto?> FindAsync(string id)
    {
        var json = await Db.HashGetAsync(keys.Units, id);
        return json.IsNull ? null : Read(json!);
    }

    public async Task<bool> IsCommuneAsync(string id) => await Db.SetContainsAsync(keys.Communes, id);

    /// <summary>Creates or updates units in one transaction, keeping the commune set in step.</summary>
    public async Task SaveAsync(IReadOnlyList<UnitDto> units)
    {
        var transaction = Db.CreateTransaction();
        var writes = new List<Task>
        {
            transaction.HashSetAsync(keys.Units, units.Select(u => new HashEntry(u.Id, JsonSerializer.Serialize(Normalise(u), ScoringCoreJsonContext.Default.UnitDto))).ToArray()),
        };
        var communes = units.Where(u => u.Kind == UnitKinds.Commune).Select(u => (RedisValue)u.Id).ToArray();
        var others = units.Where(u => u.Kind != UnitKinds.Commune).Select(u => (RedisValue)u.Id).ToArray();
        if (communes.Length > 0)
        {
            writes.Add(transaction.SetAddAsync(keys.Communes, communes));
        }
        if (others.Length > 0)
        {
            writes.Add(transaction.SetRemoveAsync(keys.Communes, others));
        }
        await transaction.ExecuteAsync();
        await Task.WhenAll(writes);
    }

    /// <summary>
    /// A stored unit as every answer shows it. A name kept before names had to be printable
    /// (docs/decisions/022) loses its control characters, and one left with nothing reads as its id,
    /// so no scorecard, rollup, progress list or export shows a blank or breaks on one.
    /// </summary>
    private static UnitDto Read(string json)
    {
        var unit = JsonSerializer.Deserialize(json, ScoringCoreJsonContext.Default.UnitDto)!;
        var name = PrintableText.Strip(unit.Name ?? "", lines: false).Trim();
        return name == unit.Name ? unit : unit with { Name = name.Length > 0 ? name : unit.Id };
    }

    private static UnitDto Normalise(UnitDto unit) =>
        unit with { Name = unit.Name!.Trim(), ParentId = string.IsNullOrEmpty(unit.ParentId) ? null : unit.ParentId };
}
