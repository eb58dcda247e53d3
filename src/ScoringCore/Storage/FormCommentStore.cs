using System.Text.Json;
using Microsoft.Extensions.Options;
using ScoringCore.Contracts;
using ScoringCore.Hosting;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>
/// Reads the comments sent with a commune's forms of a year, newest first. They are written by
/// <see cref="SurveyResponseStore"/>'s ingest, with the form; one older than the retention period is not
/// answered even before a later form's ingest trims it away.
/// </summary>
public sealed class FormCommentStore(IConnectionMultiplexer redis, RedisKeys keys, IOptions<ScoringCoreOptions> options, TimeProvider clock)
{
    public async Task<List<FormComment>> ListAsync(string communeId, int year)
    {
        var oldest = (clock.GetUtcNow() - options.Value.CommentRetention).ToUnixTimeSeconds();
        var entries = await redis.GetDatabase().SortedSetRangeByScoreAsync(keys.Comments(communeId, year), oldest, double.PositiveInfinity, order: Order.Descending);
        return [.. entries.Select(entry => JsonSerializer.Deserialize((string)entry!, ScoringCoreJsonContext.Default.FormComment)!)];
    }
}
