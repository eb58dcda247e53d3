using Microsoft.AspNetCore.Http.HttpResults;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Storage;
using ScoringCore.Validation;

namespace ScoringCore.Endpoints;

/// <summary>
/// POST /api/v1/paper-forms (text/csv): the paper forms an appraiser's office collected. Every
/// row is checked first (a problem names the row and column); then each sheet is stored once,
/// and the answer says per sheet whether it was new, entered before, or refused.
/// </summary>
public static class PaperFormEndpoints
{
    public static RouteGroupBuilder MapPaperFormEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/paper-forms", PostAsync);
        return api;
    }

    private static async Task<Results<Ok<List<PaperFormResult>>, ProblemHttpResult>> PostAsync(
        HttpRequest request, PaperFormsReader reader, SurveyResponseValidator validator, SurveyResponseStore store, ApiProblems problems)
    {
        using var body = new StreamReader(request.Body);
        var (forms, readError) = reader.Read(await body.ReadToEndAsync(request.HttpContext.RequestAborted));
        if (readError is not null)
        {
            return problems.ToResult(readError);
        }
        var valid = new List<ValidSurveyResponse>(forms!.Count);
        for (var i = 0; i < forms.Count; i++)
        {
            var (response, error) = await validator.ValidateAsync(forms[i]);
            if (error is not null)
            {
                return problems.ToResult(error with { Field = $"[{i + 1}].{error.Field}" });
            }
            valid.Add(response!);
        }
        var results = new List<PaperFormResult>(valid.Count);
        foreach (var form in valid)
        {
            var outcome = await store.IngestAsync(form);
            results.Add(new PaperFormResult(form.Record.CommuneId, form.Record.Reference!, form.Record.ResponseId, outcome.Result switch
            {
                IngestResult.Created => "created",
                IngestResult.Repeated => "repeated",
                IngestResult.UnknownCommune => "unknownCommune",
                IngestResult.YearClosed => "yearClosed",
                _ => "alreadyEntered",
            }));
        }
        return TypedResults.Ok(results);
    }
}
