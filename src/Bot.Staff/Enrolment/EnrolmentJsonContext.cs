using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Activities;
using Bot.People;

namespace Bot.Staff.Enrolment;

/// <summary>What the enrolment store keeps in Redis: people, the grants behind codes, where to reach a person.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Person))]
[JsonSerializable(typeof(EnrolmentGrant))]
[JsonSerializable(typeof(ConversationReference))]
internal sealed partial class EnrolmentJsonContext : JsonSerializerContext;
