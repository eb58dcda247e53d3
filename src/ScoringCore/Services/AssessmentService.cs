using Scoring.Rules;
using Scoring.Text;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Storage;
using ScoringCore.Validation;

namespace ScoringCore.Services;

/// <summary>The rules around saving part B: drafts, final submission and its deadline, appraisal reasons.</summary>
public sealed class AssessmentService(
    ScoringRules rules,
    AssessmentStore store,
    PlaceChecks places,
    ItemScoresValidator itemScores,
    ApiProblems problems,
    TimeProvider clock)
{
    public const int MaxPersonName = 200;

    // Two staff saving the same commune at the same instant is rare; a few re-reads settle it.
    private const int MaxAttempts = 5;

    public async Task<(AssessmentSaved? Saved, ApiError? Error)> SaveSelfAsync(string communeId, int year, SelfAssessmentRequest request)
    {
        var items = request.Items ?? new Dictionary<string, decimal>();
        var (evidence, error) = await CheckSubmissionAsync(communeId, year, items, "evidence", request.Evidence, "submittedBy", request.SubmittedBy);
        if (error is not null)
        {
            return (null, error);
        }
        var final = request.Final ?? false;
        if (final)
        {
            var missing = rules.Assessment.MissingLeaves(items);
            if (missing.Count > 0)
            {
                return (null, problems.BadRequest("items", "items.missing", ("count", missing.Count), ("items", string.Join(", ", missing.Select(m => m.Id)))));
            }
            var deadline = rules.Calendar.SelfAssessmentDeadline(year);
            if (clock.GetUtcNow() >= deadline)
            {
                return (null, problems.Conflict("final", "selfAssessment.late", ("year", year), ("deadline", VietnameseFormat.Date(deadline))));
            }
        }
        var record = new SelfAssessmentRecord(new Dictionary<string, decimal>(items, StringComparer.Ordinal), evidence, request.SubmittedBy!.Trim(), final, clock.GetUtcNow());
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var read = await store.LoadForWriteAsync(communeId, year);
            if (read.Closed)
            {
                return (null, problems.YearClosed(year));
            }
            if (read.Self is { Final: true } && !final)
            {
                return (null, problems.Conflict("final", "selfAssessment.alreadyFinal", ("year", year)));
            }
            var b = rules.Assessment.Compute(record.Items, read.Appraisal?.Items);
            var change = Change(final ? ResultChanges.SelfFinal : ResultChanges.SelfDraft, record.SubmittedBy, b.Self);
            if (await store.TrySaveSelfAsync(communeId, year, read, record, b, change))
            {
                return (Saved(communeId, year, final, record.Items, b), null);
            }
        }
        return (null, problems.Conflict("", "assessment.busy"));
    }

    public async Task<(AssessmentSaved? Saved, ApiError? Error)> SaveAppraisalAsync(string communeId, int year, AppraisalRequest request)
    {
        var items = request.Items ?? new Dictionary<string, decimal>();
        var (reasons, error) = await CheckSubmissionAsync(communeId, year, items, "reasons", request.Reasons, "appraisedBy", request.AppraisedBy);
        if (error is not null)
        {
            return (null, error);
        }
        var record = new AppraisalRecord(new Dictionary<string, decimal>(items, StringComparer.Ordinal), reasons, request.AppraisedBy!.Trim(), clock.GetUtcNow());
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var read = await store.LoadForWriteAsync(communeId, year);
            if (read.Closed)
            {
                return (null, problems.YearClosed(year));
            }
            if (read.Self is not { Final: true } self)
            {
                return (null, problems.Conflict("", "appraisal.noSelfAssessment", ("year", year)));
            }
            // Every change to a self-score needs its reason: the commune is owed an explanation.
            foreach (var (id, value) in record.Items.OrderBy(i => i.Key, StringComparer.Ordinal))
            {
                var selfValue = self.Items.GetValueOrDefault(id);
                if (value != selfValue && !reasons.ContainsKey(id))
                {
                    return (null, problems.BadRequest($"reasons.{id}", "appraisal.reasonRequired", ("item", id),
                        ("appraised", VietnameseFormat.Points(value)), ("self", VietnameseFormat.Points(selfValue))));
                }
            }
            var b = rules.Assessment.Compute(self.Items, record.Items);
            var change = Change(ResultChanges.Appraisal, record.AppraisedBy, b.Appraised ?? b.Final);
            if (await store.TrySaveAppraisalAsync(communeId, year, read, record, b, change))
            {
                return (Saved(communeId, year, final: true, self.Items, b), null);
            }
        }
        return (null, problems.Conflict("", "assessment.busy"));
    }

    public async Task<(Disqualification? Recorded, ApiError? Error)> DisqualifyAsync(string communeId, int year, DisqualificationRequest request)
    {
        if (await places.CheckCommuneYearAsync(communeId, year) is { } placeError)
        {
            return (null, placeError);
        }
        var kinds = rules.Scheme.Rules.Disqualifications.Select(d => d.Kind).ToList();
        if (string.IsNullOrEmpty(request.Kind))
        {
            return (null, problems.BadRequest("kind", "field.required"));
        }
        if (!kinds.Contains(request.Kind))
        {
            return (null, problems.OneOf("kind", kinds));
        }
        if (problems.CheckText("note", request.Note, AssessmentScoring.MaxNoteLength, lines: true) is { } noteError)
        {
            return (null, noteError);
        }
        var disqualification = new Disqualification(request.Kind, request.Note!.Trim());
        var change = new ResultChange(clock.GetUtcNow(), ResultChanges.Disqualified, null, disqualification.Kind, disqualification.Note);
        return await store.SetDisqualificationAsync(communeId, year, disqualification, change)
            ? (disqualification, null)
            : (null, problems.YearClosed(year));
    }

    /// <summary>Lifts a disqualification; the note (why) is optional on the API and kept on the scorecard.</summary>
    public async Task<ApiError?> LiftDisqualificationAsync(string communeId, int year, DisqualificationLiftRequest? request)
    {
        if (await places.CheckCommuneYearAsync(communeId, year) is { } placeError)
        {
            return placeError;
        }
        var note = request?.Note?.Trim();
        if (problems.CheckText("note", note, AssessmentScoring.MaxNoteLength, required: false, lines: true) is { } noteError)
        {
            return noteError;
        }
        note = string.IsNullOrEmpty(note) ? null : note;
        var change = new ResultChange(clock.GetUtcNow(), ResultChanges.DisqualificationLifted, null, null, note);
        if (await store.ClearDisqualificationAsync(communeId, year, note, change))
        {
            return null;
        }
        return await store.IsClosedAsync(communeId, year) ? problems.YearClosed(year) : problems.NotFound("", "disqualification.notFound", ("year", year));
    }

    /// <summary>The commune-year's self-assessment and appraisal as stored (either may be missing): drafts resume from it.</summary>
    public async Task<(AssessmentView? View, ApiError? Error)> LoadAsync(string communeId, int year)
    {
        if (await places.CheckCommuneYearAsync(communeId, year) is { } placeError)
        {
            return (null, placeError);
        }
        var documents = await store.LoadAsync(communeId, year);
        return (new AssessmentView(communeId, year, documents.Self, documents.Appraisal), null);
    }

    /// <summary>What a self-assessment and an appraisal both need: the place, valid scores, valid notes, and who sent it.</summary>
    private async Task<(Dictionary<string, string> Notes, ApiError? Error)> CheckSubmissionAsync(
        string communeId, int year, IReadOnlyDictionary<string, decimal> items, string notesName, IReadOnlyDictionary<string, string?>? notes, string personField, string? person)
    {
        var error = await places.CheckCommuneYearAsync(communeId, year) ?? itemScores.CheckScores(items);
        if (error is not null)
        {
            return ([], error);
        }
        var (clean, notesError) = itemScores.CheckNotes(notesName, notes);
        return (clean, notesError ?? CheckPerson(personField, person));
    }

    private ResultChange Change(string change, string by, decimal points) =>
        new(clock.GetUtcNow(), change, by, "B = " + VietnameseFormat.Points(points), null);

    private ApiError? CheckPerson(string field, string? name) => problems.CheckText(field, name, MaxPersonName);

    private AssessmentSaved Saved(string communeId, int year, bool final, IReadOnlyDictionary<string, decimal> selfItems, PartBScore b) =>
        new(communeId, year, final, selfItems.Count, rules.Assessment.MissingLeaves(selfItems).Count, b.Self, b.Appraised, b.Final);
}
