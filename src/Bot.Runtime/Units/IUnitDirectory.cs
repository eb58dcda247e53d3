namespace Bot.Units;

/// <summary>The administrative tree, for the staff and officials' commands (which unit, whose scope).</summary>
public interface IUnitDirectory
{
    Task<UnitTree> TreeAsync(CancellationToken cancellationToken);
}
