using Bot.Outbox;

namespace Bot.Surveys;

/// <summary>
/// Communes from the scoring core, kept for a few minutes: the tree changes a few times a year,
/// and a survey should not wait on the core for every greeting.
/// </summary>
public sealed class ScoringCoreCommuneDirectory(ScoringCoreClient core, TimeProvider clock) : ICommuneDirectory, IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (IReadOnlyList<Commune> Communes, DateTimeOffset LoadedAt)? _cache;

    public async Task<Commune?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(c => c.Id == id.Trim());

    public async Task<IReadOnlyList<Commune>> SearchAsync(string typedName, CancellationToken cancellationToken) =>
        CommuneNameMatcher.Match(await AllAsync(cancellationToken), typedName);

    public async Task<IReadOnlyList<Commune>> AllAsync(CancellationToken cancellationToken)
    {
        if (_cache is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < Lifetime)
        {
            return fresh.Communes;
        }
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_cache is { } loaded && clock.GetUtcNow() - loaded.LoadedAt < Lifetime)
            {
                return loaded.Communes;
            }
            var communes = await core.GetCommunesAsync(cancellationToken);
            _cache = (communes, clock.GetUtcNow());
            return communes;
        }
        catch (HttpRequestException) when (_cache is { } stale)
        {
            // The core is unreachable: an old list beats no survey at all.
            return stale.Communes;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();
}
