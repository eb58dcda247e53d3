using System.Net;
using System.Text;
using Bot.CoreClient;

namespace Bot.Outbox;

/// <summary>
/// Posts completed forms to the scoring core for the outbox worker, on an HttpClient of its own
/// with the standard resilience handler (retries with backoff and jitter, a timeout per attempt, a
/// circuit breaker), configured from <see cref="OutboxOptions"/> (docs/decisions/019). The turns'
/// client has none of it: a turn must answer within the channel's time, and the breaker of the
/// outbox's deliveries must not refuse a staff member's scorecard.
/// </summary>
public sealed class OutboxDeliveryClient(HttpClient http)
{
    /// <summary>Posts one form. The form's id is the idempotency key, so a repeat (a retry) is harmless.</summary>
    public async Task<Delivery> SubmitAsync(string entryJson, CancellationToken cancellationToken)
    {
        using var content = new StringContent(entryJson, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("api/v1/survey-responses", content, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return Delivery.Delivered;
        }
        var status = (int)response.StatusCode;
        // 400, 404 and 409 are final: the core read the form and refused it. Anything else may pass later.
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            var problem = await CoreProblem.ReadAsync(response, cancellationToken);
            return new Delivery(DeliveryOutcome.Rejected, status, problem?.Detail ?? await response.Content.ReadAsStringAsync(cancellationToken));
        }
        return new Delivery(DeliveryOutcome.Transient, status, response.ReasonPhrase ?? "");
    }
}

public enum DeliveryOutcome
{
    Delivered,
    Rejected,
    Transient,
}

public sealed record Delivery(DeliveryOutcome Outcome, int Status, string Reason)
{
    public static readonly Delivery Delivered = new(DeliveryOutcome.Delivered, 200, "");
}
