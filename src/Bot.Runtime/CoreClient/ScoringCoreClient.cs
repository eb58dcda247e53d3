using ScoringCore.Contracts;

namespace Bot.CoreClient;

/// <summary>The scoring core's API as the bot's turns use it: the communes, and (in the other parts of this class) the staff's and surveys' reads and writes. The outbox posts forms through <see cref="Outbox.OutboxDeliveryClient"/>.</summary>
public sealed partial class ScoringCoreClient(HttpClient http)
{
    /// <summary>The whole administrative tree.</summary>
    public async Task<IReadOnlyList<UnitDto>> GetUnitsAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync("api/v1/units", CoreJsonContext.Default.UnitDtoArray, cancellationToken) ?? [];
}
