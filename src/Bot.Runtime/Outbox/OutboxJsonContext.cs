using System.Text.Json;
using System.Text.Json.Serialization;
using ScoringCore.Contracts;

namespace Bot.Outbox;

/// <summary>The units the bot reads from the scoring core (GET /api/v1/units).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UnitDto[]))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
