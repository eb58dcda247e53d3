using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Activities;

namespace Bot.Channels.DirectLine;

/// <summary>The Conversation object of the Direct Line 3.0 API (tokens/generate, tokens/refresh, conversations).</summary>
public sealed record DirectLineConversation(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl);

/// <summary>The answer to a posted activity.</summary>
public sealed record ResourceResponse(string Id);

/// <summary>The optional body of tokens/generate and conversations: who the user is.</summary>
public sealed record TokenParameters(ChannelAccount? User);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenClaims))]
[JsonSerializable(typeof(DirectLineConversation))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(TokenParameters))]
public sealed partial class DirectLineJsonContext : JsonSerializerContext;
