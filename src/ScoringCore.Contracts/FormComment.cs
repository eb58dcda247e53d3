using System.Text.Json.Serialization;

namespace ScoringCore.Contracts;

/// <summary>
/// A person's comment sent with a survey form, as GET /api/v1/communes/{id}/years/{y}/comments lists it (newest first):
/// which form it came with, when, the words, and the name and address the person chose to sign it with. Kept for
/// the retention period, apart from the form's record, so the answers are never read beside a name (docs/decisions/024).
/// </summary>
public sealed record FormComment(
    string ResponseId,
    string Form,
    string SubmittedAt,
    string Comment,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Address = null);
