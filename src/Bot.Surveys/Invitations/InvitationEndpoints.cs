using System.Text.Json;
using Bot.Dialogs;
using Bot.ApiKeys;
using Microsoft.Extensions.Options;
using Scoring.Rules;

namespace Bot.Surveys.Invitations;

/// <summary>
/// POST /api/v1/survey-invitations: the province's one-stop software asks for one invitation per
/// case file (or registers a village cadre), with the integration key in X-Api-Key. One object
/// answers 201 (new) or 200 (the same case again: the same invitation); an array of up to 500
/// answers 200 with one invitation each, in order, or one problem naming the item at fault.
/// </summary>
public static class InvitationEndpoints
{
    private const int MaxBatch = 500;
    private const int MaxBody = 512 * 1024;

    public static IEndpointRouteBuilder MapInvitationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/survey-invitations", PostAsync).RequireAuthorization(ApiKeyRoles.IntegrationPolicy);
        return app;
    }

    private static async Task<IResult> PostAsync(
        HttpRequest request, InvitationRequestValidator validator, InvitationIssuer issuer, BotTexts texts, IOptions<SurveyLinkOptions> links, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var (items, isBatch, readProblem) = await ReadAsync(request, texts, cancellationToken);
        if (readProblem is not null)
        {
            return Problem(readProblem, texts);
        }
        var valid = new List<ValidInvitation>(items!.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var at = isBatch ? $"[{i}]." : "";
            if (items[i] is not { } item)
            {
                return Problem(new InvitationProblem(400, isBatch ? $"[{i}]" : "", texts.Format("api.body.wrongShape")), texts);
            }
            var (invitation, problem) = await validator.ValidateAsync(item, at, cancellationToken);
            if (problem is not null)
            {
                return Problem(problem, texts);
            }
            valid.Add(invitation!);
        }
        var origin = links.Value.Origin(request);
        var issued = new List<(InvitationIssued Issued, bool Created)>(valid.Count);
        for (var i = 0; i < valid.Count; i++)
        {
            if (await issuer.IssueForSoftwareAsync(valid[i], origin, cancellationToken) is not { } one)
            {
                // Those before it are stored, and the same request again returns them as they are.
                response.Headers.RetryAfter = "30";
                return Problem(new InvitationProblem(503, isBatch ? $"[{i}].caseCode" : "caseCode", texts["api.invitation.coreUnavailable"]), texts);
            }
            issued.Add(one);
        }
        return isBatch
            ? TypedResults.Json(issued.Select(i => i.Issued).ToList(), InvitationJsonContext.Default.ListInvitationIssued)
            : TypedResults.Json(issued[0].Issued, InvitationJsonContext.Default.InvitationIssued, statusCode: issued[0].Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<(List<InvitationRequest?>? Items, bool IsBatch, InvitationProblem? Problem)> ReadAsync(HttpRequest request, BotTexts texts, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBody)
        {
            return (null, false, new InvitationProblem(413, "", texts["api.body.tooLarge"]));
        }
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            var root = document.RootElement;
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    return ([root.Deserialize(InvitationJsonContext.Default.InvitationRequest)], false, null);
                case JsonValueKind.Array when root.GetArrayLength() is > 0 and <= MaxBatch:
                    return (root.Deserialize(InvitationJsonContext.Default.ListInvitationRequest), true, null);
                case JsonValueKind.Array:
                    return (null, true, new InvitationProblem(400, "", texts.Format("api.invitation.batch", ("max", MaxBatch))));
                default:
                    return (null, false, new InvitationProblem(400, "", texts["api.body.wrongShape"]));
            }
        }
        catch (JsonException failure)
        {
            // A wrong type names its path; a broken document names its line.
            return (null, false, failure.Path is { Length: > 1 } path
                ? new InvitationProblem(400, path.TrimStart('$', '.'), texts.Format("api.body.wrongType", ("field", path.TrimStart('$', '.'))))
                : new InvitationProblem(400, "", texts.Format("api.body.invalidJson", ("line", (failure.LineNumber ?? 0) + 1))));
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(InvitationProblem problem, BotTexts texts) => TypedResults.Problem(
        detail: problem.Detail,
        statusCode: problem.Status,
        title: texts[$"api.title.{problem.Status}"],
        extensions: new Dictionary<string, object?> { ["field"] = problem.Field });
}
