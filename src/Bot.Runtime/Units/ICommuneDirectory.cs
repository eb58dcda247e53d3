namespace Bot.Units;

/// <summary>The communes a survey can be for, looked up by id (links, QR codes) or by name (typed).</summary>
public interface ICommuneDirectory
{
    Task<IReadOnlyList<Commune>> AllAsync(CancellationToken cancellationToken);

    Task<Commune?> FindAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Commune>> SearchAsync(string typedName, CancellationToken cancellationToken);
}
