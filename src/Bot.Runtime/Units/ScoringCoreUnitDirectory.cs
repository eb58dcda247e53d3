using Bot.CoreClient;

namespace Bot.Units;

/// <summary>
/// The unit tree from the scoring core, kept for a few minutes: it changes a few times a year,
/// and a survey should not wait on the core for every greeting.
/// </summary>
public sealed class ScoringCoreUnitDirectory(ScoringCoreClient core, TimeProvider clock) : ICommuneDirectory, IUnitDirectory, IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (UnitTree Tree, DateTimeOffset LoadedAt)? _cache;

    public async Task<Commune?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(c => c.Id == id.Trim());

    /// <summary>A name as typed; failing that, the communes a sentence mentions ("tôi làm thủ tục ở xã Cẩm Vũ ạ").</summary>
    public async Task<IReadOnlyList<Commune>> SearchAsync(string typedName, CancellationToken cancellationToken)
    {
        var communes = await AllAsync(cancellationToken);
        return CommuneNameMatcher.Match(communes, typedName) is { Count: > 0 } named ? named : CommuneNameMatcher.MentionedIn(communes, typedName);
    }

    public async Task<IReadOnlyList<Commune>> AllAsync(CancellationToken cancellationToken) =>
        (await TreeAsync(cancellationToken)).Communes;

    public async Task<UnitTree> TreeAsync(CancellationToken cancellationToken)
    {
        if (_cache is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < Lifetime)
        {
            return fresh.Tree;
        }
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_cache is { } loaded && clock.GetUtcNow() - loaded.LoadedAt < Lifetime)
            {
                return loaded.Tree;
            }
            var tree = new UnitTree(await core.GetUnitsAsync(cancellationToken));
            _cache = (tree, clock.GetUtcNow());
            return tree;
        }
        catch (HttpRequestException) when (_cache is { } stale)
        {
            // The core is unreachable: an old tree beats no answer at all.
            return stale.Tree;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();
}
