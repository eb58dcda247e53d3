using System.Text.Json;

namespace Bot.CoreClient;

/// <summary>The part of a problem+json answer the bot reads: the core's Vietnamese detail and the field it names.</summary>
public sealed record CoreProblem(int? Status, string? Detail, string? Field)
{
    /// <summary>The problem in a refusal's body; null when the body is not one.</summary>
    public static async Task<CoreProblem?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(CoreJsonContext.Default.CoreProblem, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
