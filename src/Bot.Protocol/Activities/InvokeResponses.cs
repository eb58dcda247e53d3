using System.Text.Json;

namespace Bot.Activities;

/// <summary>The body of an answer to an invoke (AdaptiveCardInvokeResponse): e.g. type "application/vnd.microsoft.card.adaptive" and the new card.</summary>
public sealed record InvokeResponseBody(int StatusCode, string Type, JsonElement Value);

/// <summary>The value of an "application/vnd.microsoft.error" invoke response.</summary>
public sealed record InvokeError(string Code, string Message);
