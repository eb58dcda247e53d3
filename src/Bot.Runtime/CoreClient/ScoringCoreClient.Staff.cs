using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Scoring.Rules;
using ScoringCore.Contracts;

namespace Bot.CoreClient;

/// <summary>The scoring core's assessment and score API, for the staff and officials' commands.</summary>
public sealed partial class ScoringCoreClient
{
    private static string CommuneYear(string communeId, int year) => $"api/v1/communes/{Uri.EscapeDataString(communeId)}/years/{year}";

    public Task<CoreResult<AssessmentView>> GetAssessmentAsync(string communeId, int year, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, CommuneYear(communeId, year) + "/assessment"), CoreJsonContext.Default.AssessmentView, cancellationToken);

    public Task<CoreResult<Scorecard>> GetScorecardAsync(string communeId, int year, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, CommuneYear(communeId, year) + "/scorecard"), CoreJsonContext.Default.Scorecard, cancellationToken);

    public Task<CoreResult<UnitSummary>> GetSummaryAsync(string unitId, int year, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/v1/units/{Uri.EscapeDataString(unitId)}/years/{year}/summary"), CoreJsonContext.Default.UnitSummary, cancellationToken);

    public Task<CoreResult<JsonElement>> SaveSelfAssessmentAsync(string communeId, int year, SelfAssessmentRequest body, CancellationToken cancellationToken) =>
        SendAsync(Put(CommuneYear(communeId, year) + "/self-assessment", JsonContent.Create(body, CoreJsonContext.Default.SelfAssessmentRequest)), CoreJsonContext.Default.JsonElement, cancellationToken);

    public Task<CoreResult<JsonElement>> SaveAppraisalAsync(string communeId, int year, AppraisalRequest body, CancellationToken cancellationToken) =>
        SendAsync(Put(CommuneYear(communeId, year) + "/appraisal", JsonContent.Create(body, CoreJsonContext.Default.AppraisalRequest)), CoreJsonContext.Default.JsonElement, cancellationToken);

    public Task<CoreResult<JsonElement>> DisqualifyAsync(string communeId, int year, DisqualificationRequest body, CancellationToken cancellationToken) =>
        SendAsync(Put(CommuneYear(communeId, year) + "/disqualification", JsonContent.Create(body, CoreJsonContext.Default.DisqualificationRequest)), CoreJsonContext.Default.JsonElement, cancellationToken);

    public Task<CoreResult<JsonElement>> LiftDisqualificationAsync(string communeId, int year, DisqualificationLiftRequest body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, CommuneYear(communeId, year) + "/disqualification") { Content = JsonContent.Create(body, CoreJsonContext.Default.DisqualificationLiftRequest) },
            CoreJsonContext.Default.JsonElement, cancellationToken);

    public Task<CoreResult<Scorecard>> RecogniseAsync(string communeId, int year, RecognitionRequest body, CancellationToken cancellationToken) =>
        SendAsync(Put(CommuneYear(communeId, year) + "/recognition", JsonContent.Create(body, CoreJsonContext.Default.RecognitionRequest)), CoreJsonContext.Default.Scorecard, cancellationToken);

    public Task<CoreResult<Scorecard>> RevokeRecognitionAsync(string communeId, int year, RevocationRequest body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Delete, CommuneYear(communeId, year) + "/recognition") { Content = JsonContent.Create(body, CoreJsonContext.Default.RevocationRequest) },
            CoreJsonContext.Default.Scorecard, cancellationToken);

    public Task<CoreResult<List<ResultChange>>> GetHistoryAsync(string communeId, int year, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, CommuneYear(communeId, year) + "/history"), CoreJsonContext.Default.ListResultChange, cancellationToken);

    private static HttpRequestMessage Put(string path, HttpContent content) => new(HttpMethod.Put, path) { Content = content };

    /// <summary>Sends and reads the answer; a 4xx becomes a refusal with the core's Vietnamese detail, anything else "unavailable".</summary>
    private async Task<CoreResult<T>> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T>? type, CancellationToken cancellationToken)
    {
        using var _ = request;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var value = type is null || status == 204 ? default : await response.Content.ReadFromJsonAsync(type, cancellationToken);
                return CoreResult.Success(value!);
            }
            if (status is >= 400 and < 500)
            {
                var problem = await CoreProblem.ReadAsync(response, cancellationToken);
                return new CoreResult<T>(default, CoreOutcome.Refused, status, problem?.Detail ?? response.ReasonPhrase ?? "", problem?.Field ?? "");
            }
            return CoreResult.Unavailable<T>();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return CoreResult.Unavailable<T>();
        }
    }
}
