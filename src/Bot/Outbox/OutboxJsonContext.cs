using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Outbox;

/// <summary>A unit as GET /api/v1/units returns it.</summary>
public sealed record Unit(string? Id, string? Name, string? Kind, string? ParentId);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Unit[]))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
