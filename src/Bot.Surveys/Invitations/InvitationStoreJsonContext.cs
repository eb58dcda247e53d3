using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Surveys.Invitations;

/// <summary>What the invitation store keeps in Redis.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Invitation))]
internal sealed partial class InvitationStoreJsonContext : JsonSerializerContext;
