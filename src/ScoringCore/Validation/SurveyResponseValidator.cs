using System.Globalization;
using Scoring.Rules;
using ScoringCore.Api;
using ScoringCore.Contracts;

namespace ScoringCore.Validation;

/// <summary>Checks a submitted survey response and puts it in canonical form.</summary>
public sealed class SurveyResponseValidator(ScoringRules rules, PlaceChecks places, ApiProblems problems, TimeProvider clock)
{
    // A phone's clock may run a little fast; anything further ahead is a wrong clock or a forgery.
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(10);

    public (ValidSurveyResponse? Response, ApiError? Error) Validate(SurveyResponseRequest request)
    {
        if (string.IsNullOrEmpty(request.ResponseId))
        {
            return Fail("responseId", "field.required");
        }
        if (!Ids.Response().IsMatch(request.ResponseId))
        {
            return Fail("responseId", "response.id");
        }
        if (string.IsNullOrEmpty(request.Form))
        {
            return Fail("form", "field.required");
        }
        if (rules.Scheme.FindForm(request.Form) is null)
        {
            return Fail("form", "field.oneOf", ("allowed", string.Join(", ", rules.Scheme.Forms.Keys.Order(StringComparer.Ordinal).Select(k => $"\"{k}\""))));
        }
        if (string.IsNullOrEmpty(request.CommuneId))
        {
            return Fail("communeId", "field.required");
        }
        if (!Ids.Unit().IsMatch(request.CommuneId))
        {
            return Fail("communeId", "field.id", ("max", Ids.MaxUnitId));
        }
        if (request.Year is not { } year)
        {
            return Fail("year", "field.required");
        }
        if (places.CheckYear(year) is { } yearError)
        {
            return (null, yearError);
        }
        if (request.Answers is null)
        {
            return Fail("answers", "field.required");
        }
        var scored = rules.Surveys.Score(request.Form, request.Answers.Select(a => a ?? "").ToList(), out var defect);
        if (scored is null)
        {
            var form = rules.Scheme.FindForm(request.Form)!;
            return defect!.Kind == FormDefectKind.WrongAnswerCount
                ? Fail("answers", "response.answerCount", ("count", form.Questions.Count))
                : Fail($"answers[{defect.Index}]", "response.answerCode", ("index", defect.Index), ("allowed", string.Join(", ", form.Answers.Select(a => a.Code))));
        }
        if (string.IsNullOrEmpty(request.SubmittedAt))
        {
            return Fail("submittedAt", "field.required");
        }
        if (!Ids.InstantWithOffset().IsMatch(request.SubmittedAt)
            || !DateTimeOffset.TryParse(request.SubmittedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var submittedAt))
        {
            return Fail("submittedAt", "response.submittedAt");
        }
        if (submittedAt > clock.GetUtcNow() + AllowedClockSkew)
        {
            return Fail("submittedAt", "response.submittedAtFuture");
        }
        if (string.IsNullOrEmpty(request.Channel))
        {
            return Fail("channel", "field.required");
        }
        if (!Ids.Channel().IsMatch(request.Channel))
        {
            return Fail("channel", "field.id", ("max", 32));
        }

        // The window only applies to forms that use it (citizens); for the others inWindow is null.
        bool? inWindow = scored.Form.UsesSurveyWindow
            ? request.InWindow ?? rules.Calendar.IsInCitizenSurveyWindow(submittedAt, year)
            : null;
        var record = new SurveyResponseRecord(
            request.ResponseId,
            request.Form,
            request.CommuneId,
            year,
            request.Answers.Select(a => a!).ToList(),
            submittedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            request.Channel,
            inWindow,
            scored.Score);
        return (new ValidSurveyResponse(record, scored, Counted: inWindow ?? true), null);
    }

    private (ValidSurveyResponse?, ApiError?) Fail(string field, string key, params (string, object?)[] values) =>
        (null, problems.BadRequest(field, key, values));
}

/// <summary>A response ready to store: its canonical record, its scores, and whether it counts toward A.</summary>
public sealed record ValidSurveyResponse(SurveyResponseRecord Record, ScoredForm Scored, bool Counted);
