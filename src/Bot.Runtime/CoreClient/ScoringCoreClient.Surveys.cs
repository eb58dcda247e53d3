using System.Text.Json;
using ScoringCore.Contracts;

namespace Bot.CoreClient;

/// <summary>The scoring core's survey-running API, for the appraisers' commands: rounds, progress, held forms, paper sheets.</summary>
public sealed partial class ScoringCoreClient
{
    public Task<CoreResult<SurveyRoundView>> GetRoundAsync(string communeId, int year, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, CommuneYear(communeId, year) + "/survey-round"), CoreJsonContext.Default.SurveyRoundView, cancellationToken);

    public Task<CoreResult<SurveyRoundView>> SaveRoundAsync(string communeId, int year, SurveyRoundRequest body, CancellationToken cancellationToken) =>
        SendAsync(Put(CommuneYear(communeId, year) + "/survey-round", JsonContent.Create(body, CoreJsonContext.Default.SurveyRoundRequest)), CoreJsonContext.Default.SurveyRoundView, cancellationToken);

    public Task<CoreResult<List<CommuneSurveyProgress>>> GetSurveyProgressAsync(string unitId, int year, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/v1/units/{Uri.EscapeDataString(unitId)}/years/{year}/survey-progress"), CoreJsonContext.Default.ListCommuneSurveyProgress, cancellationToken);

    /// <summary>A commune's forms of a year; only those in <paramref name="standing"/> when one is given.</summary>
    public Task<CoreResult<List<SurveyFormView>>> GetFormsAsync(string communeId, int year, string? standing, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, CommuneYear(communeId, year) + "/survey-forms" + (standing is null ? "" : "?standing=" + Uri.EscapeDataString(standing))),
            CoreJsonContext.Default.ListSurveyFormView, cancellationToken);

    /// <summary>The comments sent with a commune's forms of a year, newest first, with the name and address each was signed with.</summary>
    public Task<CoreResult<List<FormComment>>> GetCommentsAsync(string communeId, int year, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, CommuneYear(communeId, year) + "/comments"), CoreJsonContext.Default.ListFormComment, cancellationToken);

    /// <summary>One form of a commune and year; refused with 404 when there is none under that id.</summary>
    public Task<CoreResult<SurveyFormView>> GetFormAsync(string communeId, int year, string responseId, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, CommuneYear(communeId, year) + $"/survey-forms/{Uri.EscapeDataString(responseId)}"), CoreJsonContext.Default.SurveyFormView, cancellationToken);

    public Task<CoreResult<JsonElement>> DecideHeldFormAsync(string communeId, int year, string responseId, HeldFormDecisionRequest body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, CommuneYear(communeId, year) + $"/survey-forms/{Uri.EscapeDataString(responseId)}/decision")
        {
            Content = JsonContent.Create(body, CoreJsonContext.Default.HeldFormDecisionRequest),
        }, CoreJsonContext.Default.JsonElement, cancellationToken);

    /// <summary>The one-stop software asked for a case the desk had invited: its form, come or to come, is the software's (204; a repeat is harmless).</summary>
    public Task<CoreResult<JsonElement>> MarkSoftwareCaseAsync(string communeId, int year, string reference, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, CommuneYear(communeId, year) + $"/software-cases/{Uri.EscapeDataString(reference)}"), CoreJsonContext.Default.JsonElement, cancellationToken);

    /// <summary>A paper sheet entered in chat; 409 naming "reference" or "responseId" means its number was entered before.</summary>
    public Task<CoreResult<JsonElement>> SubmitPaperFormAsync(SurveyResponseRequest body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/v1/survey-responses") { Content = JsonContent.Create(body, CoreJsonContext.Default.SurveyResponseRequest) },
            CoreJsonContext.Default.JsonElement, cancellationToken);
}
