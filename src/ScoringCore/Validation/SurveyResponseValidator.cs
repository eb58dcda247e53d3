using System.Globalization;
using Scoring.Rules;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Storage;

namespace ScoringCore.Validation;

/// <summary>Checks a submitted survey response and puts it in canonical form.</summary>
public sealed class SurveyResponseValidator(ScoringRules rules, PlaceChecks places, ApiProblems problems, SurveyRoundStore rounds, TimeProvider clock)
{
    // A phone's clock may run a little fast; anything further ahead is a wrong clock or a forgery.
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(10);

    public async Task<(ValidSurveyResponse? Response, ApiError? Error)> ValidateAsync(SurveyResponseRequest request)
    {
        var (checkedRequest, error) = Validate(request);
        if (error is not null)
        {
            return (null, error);
        }
        // Citizen forms are judged against their commune's round (by default the scheme's window).
        var round = checkedRequest!.Scored.Form.UsesSurveyWindow ? await rounds.GetAsync(request.CommuneId!, checkedRequest.Year) : null;
        return CheckOrigin(request, checkedRequest.Scored, checkedRequest.Year, checkedRequest.SubmittedAt, round);
    }

    private (CheckedRequest?, ApiError?) Validate(SurveyResponseRequest request)
    {
        if (string.IsNullOrEmpty(request.ResponseId))
        {
            return Refuse("responseId", "field.required");
        }
        if (!Ids.Response().IsMatch(request.ResponseId))
        {
            return Refuse("responseId", "response.id");
        }
        if (string.IsNullOrEmpty(request.Form))
        {
            return Refuse("form", "field.required");
        }
        if (rules.Scheme.FindForm(request.Form) is null)
        {
            return (null, problems.OneOf("form", rules.Scheme.Forms.Keys.Order(StringComparer.Ordinal)));
        }
        if (string.IsNullOrEmpty(request.CommuneId))
        {
            return Refuse("communeId", "field.required");
        }
        if (!Ids.Unit().IsMatch(request.CommuneId))
        {
            return Refuse("communeId", "field.id", ("max", Ids.MaxUnitId));
        }
        if (request.Year is not { } year)
        {
            return Refuse("year", "field.required");
        }
        if (places.CheckYear(year) is { } yearError)
        {
            return (null, yearError);
        }
        if (request.Answers is null)
        {
            return Refuse("answers", "field.required");
        }
        var scored = rules.Surveys.Score(request.Form, request.Answers.Select(a => a ?? "").ToList(), out var defect);
        if (scored is null)
        {
            var form = rules.Scheme.FindForm(request.Form)!;
            return defect!.Kind == FormDefectKind.WrongAnswerCount
                ? Refuse("answers", "response.answerCount", ("count", form.Questions.Count))
                : Refuse($"answers[{defect.Index}]", "response.answerCode", ("index", defect.Index), ("allowed", string.Join(", ", form.Answers.Select(a => a.Code))));
        }
        if (string.IsNullOrEmpty(request.SubmittedAt))
        {
            return Refuse("submittedAt", "field.required");
        }
        if (ReadInstant(request.SubmittedAt) is not { } submittedAt)
        {
            return Refuse("submittedAt", "response.submittedAt");
        }
        if (submittedAt > clock.GetUtcNow() + AllowedClockSkew)
        {
            return Refuse("submittedAt", "response.submittedAtFuture");
        }
        if (string.IsNullOrEmpty(request.Channel))
        {
            return Refuse("channel", "field.required");
        }
        if (!Ids.Channel().IsMatch(request.Channel))
        {
            return Refuse("channel", "field.id", ("max", 32));
        }

        return (new CheckedRequest(scored, year, submittedAt), null);
    }

    private sealed record CheckedRequest(ScoredForm Scored, int Year, DateTimeOffset SubmittedAt);

    /// <summary>Where the form came from, what it stands for, and so whether it counts (<see cref="SurveyCounting"/>).</summary>
    private (ValidSurveyResponse?, ApiError?) CheckOrigin(SurveyResponseRequest request, ScoredForm scored, int year, DateTimeOffset submittedAt, SurveyRound? round)
    {
        var source = request.Source ?? FormSources.Api;
        if (!FormSources.All.Contains(source))
        {
            return (null, problems.OneOf("source", FormSources.All));
        }
        if ((source == FormSources.Invitation && !scored.Form.UsesSurveyWindow) || (source == FormSources.Cadre && scored.Form.UsesSurveyWindow))
        {
            return Fail("source", "response.sourceForm", ("source", source), ("form", scored.Form.Id));
        }
        string? reference = null;
        if (FormSources.HasReference(source))
        {
            if (string.IsNullOrEmpty(request.Reference))
            {
                return Fail("reference", "field.required");
            }
            if (!Ids.Reference().IsMatch(request.Reference))
            {
                return Fail("reference", "response.reference");
            }
            reference = request.Reference;
        }
        DateTimeOffset? visitedAt = null;
        if (source == FormSources.Invitation)
        {
            if (string.IsNullOrEmpty(request.VisitedAt))
            {
                return Fail("visitedAt", "field.required");
            }
            if (ReadInstant(request.VisitedAt) is not { } visit)
            {
                return Fail("visitedAt", "response.instant");
            }
            if (visit > submittedAt + AllowedClockSkew)
            {
                return Fail("visitedAt", "response.visitAfterSubmission");
            }
            visitedAt = visit;
        }
        DateTimeOffset? startedAt = null;
        if (!string.IsNullOrEmpty(request.StartedAt))
        {
            if (ReadInstant(request.StartedAt) is not { } started || started > submittedAt)
            {
                return Fail("startedAt", "response.instant");
            }
            startedAt = started;
        }
        if (request.IssuedBy is not null && source != FormSources.Invitation)
        {
            return Fail("issuedBy", "response.issuedByWithoutInvitation");
        }
        if (request.IssuedBy is not null && !InvitationIssuers.All.Contains(request.IssuedBy))
        {
            return (null, problems.OneOf("issuedBy", InvitationIssuers.All));
        }
        foreach (var (field, value) in new[] { ("deviceHash", request.DeviceHash), ("addressHash", request.AddressHash) })
        {
            if (value is not null && !Ids.Hash().IsMatch(value))
            {
                return Fail(field, "response.hash");
            }
        }

        if (CheckComment(request) is { } commentError)
        {
            return (null, commentError);
        }

        var decision = rules.Counting.Decide(new FormFacts(scored.Form, source, year, submittedAt, visitedAt, request.InWindow, startedAt, round));
        // inWindow keeps its old meaning on the record: for citizen forms (whose round is always loaded), whether the visit or submission fell in it.
        bool? inWindow = scored.Form.UsesSurveyWindow
            ? decision.Standing != FormStanding.OutsideWindow && (source != FormSources.Open || round!.Covers(rules.Calendar.LocalDate(submittedAt)))
            : null;
        var record = new SurveyResponseRecord(
            request.ResponseId!,
            request.Form!,
            request.CommuneId!,
            year,
            request.Answers!.Select(a => a!).ToList(),
            Utc(submittedAt),
            request.Channel!,
            inWindow,
            scored.Score,
            request.Source,
            reference,
            visitedAt is { } v ? Utc(v) : null,
            request.IssuedBy);
        // Only a comment is kept: a name or an address signs it, and without one they are not the core's to keep.
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null
            : new FormComment(record.ResponseId, record.Form, record.SubmittedAt, request.Comment.Trim(), Signed(request.Name), Signed(request.Address));
        return (new ValidSurveyResponse(record, scored, decision, request.DeviceHash, request.AddressHash, comment), null);
    }

    /// <summary>
    /// The comment box's words over several lines; the name and address it is signed with on one each. As long as the
    /// surveys' steps allow (dialogs/surveys), so a form the chat took is never refused, and lost, for its comment.
    /// </summary>
    private ApiError? CheckComment(SurveyResponseRequest request) =>
        problems.CheckText("comment", request.Comment, _maxComment, required: false, lines: true)
        ?? problems.CheckText("name", request.Name, _maxName, required: false)
        ?? problems.CheckText("address", request.Address, _maxAddress, required: false);

    private const int DefaultMaxLength = 1000;

    // Read from the scheme once: every form is checked against them.
    private readonly int _maxComment = rules.FieldMaxLength("comment") ?? DefaultMaxLength;
    private readonly int _maxName = rules.FieldMaxLength("name") ?? DefaultMaxLength;
    private readonly int _maxAddress = rules.FieldMaxLength("address") ?? DefaultMaxLength;

    private static string? Signed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset? ReadInstant(string text) =>
        Ids.InstantWithOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    private static string Utc(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private (CheckedRequest?, ApiError?) Refuse(string field, string key, params (string, object?)[] values) =>
        (null, problems.BadRequest(field, key, values));

    private (ValidSurveyResponse?, ApiError?) Fail(string field, string key, params (string, object?)[] values) =>
        (null, problems.BadRequest(field, key, values));
}

/// <summary>A response ready to store: its canonical record, its scores, the counting decision, the open page's hashes, and the comment sent with it.</summary>
public sealed record ValidSurveyResponse(SurveyResponseRecord Record, ScoredForm Scored, CountingDecision Decision, string? DeviceHash, string? AddressHash, FormComment? Comment = null);
