using ScoringCore.Api;
using ScoringCore.Contracts;

namespace ScoringCore.Validation;

/// <summary>Checks a batch of units against itself and the tree already stored.</summary>
public sealed class UnitsValidator(ApiProblems problems)
{
    public const int MaxBatch = 10_000;
    public const int MaxName = 200;

    public ApiError? Validate(IReadOnlyList<UnitDto?> batch, IReadOnlyDictionary<string, UnitDto> stored)
    {
        if (batch.Count == 0)
        {
            return problems.BadRequest("", "units.empty");
        }
        if (batch.Count > MaxBatch)
        {
            return problems.BadRequest("", "units.tooMany", ("max", MaxBatch));
        }
        var merged = new Dictionary<string, UnitDto>(stored, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            if (CheckShape(batch[i], i) is { } shapeError)
            {
                return shapeError;
            }
            var unit = batch[i]!;
            if (!seen.Add(unit.Id!))
            {
                return problems.BadRequest($"[{i}].id", "units.duplicate", ("id", unit.Id));
            }
            merged[unit.Id!] = unit;
        }
        var children = merged.Values.Where(u => !string.IsNullOrEmpty(u.ParentId)).ToLookup(u => u.ParentId!, StringComparer.Ordinal);
        // Placements first, so a unit put in the wrong place is blamed, rather than its parent's kind.
        for (var i = 0; i < batch.Count; i++)
        {
            if (CheckPlace(batch[i]!, i, merged) is { } placeError)
            {
                return placeError;
            }
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (CheckChildren(batch[i]!, i, children) is { } kindError)
            {
                return kindError;
            }
        }
        return null;
    }

    private ApiError? CheckShape(UnitDto? unit, int i)
    {
        if (unit is null)
        {
            return problems.BadRequest($"[{i}]", "body.wrongType");
        }
        if (string.IsNullOrEmpty(unit.Id))
        {
            return problems.BadRequest($"[{i}].id", "field.required");
        }
        if (!Ids.Unit().IsMatch(unit.Id))
        {
            return problems.BadRequest($"[{i}].id", "field.id", ("max", Ids.MaxUnitId));
        }
        if (problems.CheckText($"[{i}].name", unit.Name, MaxName) is { } nameError)
        {
            return nameError;
        }
        if (string.IsNullOrEmpty(unit.Kind))
        {
            return problems.BadRequest($"[{i}].kind", "field.required");
        }
        if (!UnitKinds.All.Contains(unit.Kind))
        {
            return problems.OneOf($"[{i}].kind", UnitKinds.All);
        }
        return null;
    }

    private ApiError? CheckPlace(UnitDto unit, int i, Dictionary<string, UnitDto> merged)
    {
        var field = $"[{i}].parentId";
        if (unit.Kind == UnitKinds.Province)
        {
            if (!string.IsNullOrEmpty(unit.ParentId))
            {
                return problems.BadRequest(field, "units.provinceHasParent");
            }
        }
        else if (string.IsNullOrEmpty(unit.ParentId))
        {
            return problems.BadRequest(field, "units.parentRequired", ("kind", KindName(unit.Kind!)));
        }
        else if (!merged.TryGetValue(unit.ParentId, out var parent))
        {
            return problems.BadRequest(field, "units.parentMissing", ("parentId", unit.ParentId));
        }
        else if (!UnitKinds.MayHangUnder(unit.Kind!, parent.Kind!))
        {
            return problems.BadRequest(field, "units.parentKind", ("kind", KindName(unit.Kind!)), ("parentKind", KindName(parent.Kind!)));
        }
        return null;
    }

    /// <summary>A unit's new kind must still suit the units already under it.</summary>
    private ApiError? CheckChildren(UnitDto unit, int i, ILookup<string, UnitDto> children)
    {
        var misfit = children[unit.Id!].FirstOrDefault(child => !UnitKinds.MayHangUnder(child.Kind!, unit.Kind!));
        return misfit is null
            ? null
            : problems.BadRequest($"[{i}].kind", "units.kindChange", ("id", unit.Id), ("childKind", KindName(misfit.Kind!)), ("kind", KindName(unit.Kind!)));
    }

    private string KindName(string kind) => problems.Text("unitKind." + kind);
}
