using System.Text.Json;
using Microsoft.Extensions.Options;
using ScoringCore.Contracts;
using ScoringCore.Storage;
using ScoringCore.Validation;

namespace ScoringCore.Hosting;

/// <summary>
/// Imports ScoringCore:SampleUnitsFile at start, through the same checks as PUT /api/v1/units,
/// so the run command opens on a tree with communes in it.
/// </summary>
public sealed partial class SampleUnitsImporter(
    IOptions<ScoringCoreOptions> options, UnitStore store, UnitsValidator validator, ILogger<SampleUnitsImporter> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.SampleUnitsFile is not { Length: > 0 } path)
        {
            return;
        }
        await using var file = File.OpenRead(path);
        var units = await JsonSerializer.DeserializeAsync(file, ScoringCoreJsonContext.Default.UnitDtoArray, cancellationToken)
            ?? throw new InvalidOperationException($"{path} holds no units.");
        if (validator.Validate(units, await store.LoadAllAsync()) is { } error)
        {
            throw new InvalidOperationException($"{path} at {error.Field}: {error.Detail}");
        }
        await store.SaveAsync(units);
        LogImported(units.Length, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} sample units from {Path}")]
    private partial void LogImported(int count, string path);
}
