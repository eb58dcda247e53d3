using ScoringCore.Contracts;

namespace Bot.Units;

/// <summary>
/// The administrative tree from the scoring core (province → district, where one still exists →
/// commune), indexed for the questions access control asks: is this commune under that unit?
/// </summary>
public sealed class UnitTree
{
    public const string CommuneKind = "commune";

    private readonly Dictionary<string, UnitDto> _byId;
    private readonly ILookup<string, UnitDto> _children;

    public UnitTree(IEnumerable<UnitDto> units)
    {
        _byId = units.Where(u => u.Id is not null && u.Name is not null).ToDictionary(u => u.Id!, StringComparer.Ordinal);
        _children = _byId.Values.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!, StringComparer.Ordinal);
        Communes = _byId.Values.Where(u => u.Kind == CommuneKind).OrderBy(u => u.Id, StringComparer.Ordinal).Select(u => new Commune(u.Id!, u.Name!)).ToList();
    }

    public IReadOnlyList<Commune> Communes { get; }

    public UnitDto? Find(string id) => _byId.GetValueOrDefault(id);

    public string NameOf(string id) => Find(id)?.Name ?? id;

    public bool IsCommune(string id) => Find(id)?.Kind == CommuneKind;

    /// <summary>True when <paramref name="unitId"/> is <paramref name="ancestorId"/> or lies anywhere below it.</summary>
    public bool IsWithin(string unitId, string ancestorId)
    {
        // The tree is a few levels deep; the guard stops a malformed cycle from looping.
        for (var (id, steps) = (unitId, 0); id is not null && steps < 16; steps++)
        {
            if (id == ancestorId)
            {
                return true;
            }
            id = Find(id)?.ParentId!;
        }
        return false;
    }

    /// <summary>The units at or under <paramref name="rootId"/>, the root first.</summary>
    public IEnumerable<UnitDto> Within(string rootId)
    {
        if (Find(rootId) is not { } root)
        {
            yield break;
        }
        var pending = new Stack<UnitDto>([root]);
        while (pending.TryPop(out var unit))
        {
            yield return unit;
            foreach (var child in _children[unit.Id!].OrderByDescending(c => c.Id, StringComparer.Ordinal))
            {
                pending.Push(child);
            }
        }
    }

    public IReadOnlyList<Commune> CommunesWithin(string rootId) =>
        Within(rootId).Where(u => u.Kind == CommuneKind).Select(u => new Commune(u.Id!, u.Name!)).ToList();
}
