using Scoring.Rules;
using Scoring.Scheme;
using Scoring.Text;
using ScoringCore.Api;
using ScoringCore.Contracts;
using ScoringCore.Storage;
using ScoringCore.Validation;

namespace ScoringCore.Services;

/// <summary>
/// The decisions on a year's result: recognition of an appraised level (which closes the year)
/// and its revocation. Both answer with the scorecard as it stands after the decision; the same
/// decision sent again is answered as before, another one is refused.
/// </summary>
public sealed class ResultDecisionService(
    ScoreQueries scores,
    ResultDecisionStore store,
    ResultDecisionValidator validator,
    ApiProblems problems,
    TimeProvider clock)
{
    // A form or an appraisal landing between the read and the write makes the write re-read.
    private const int MaxAttempts = 5;

    public Task<(Scorecard? Card, ApiError? Error)> RecogniseAsync(string communeId, int year, RecognitionRequest request)
    {
        var (clean, invalid) = validator.Check(request);
        return invalid is not null ? Task.FromResult<(Scorecard?, ApiError?)>((null, invalid)) : DecideAsync(communeId, year, (card, aggregate) =>
        {
            if (aggregate.Revocation is null && aggregate.Recognition?.Decision == clean!.Decision)
            {
                return new Step(Repeat: true);
            }
            if (RecognitionRefusal(card, aggregate, year) is { } refusal)
            {
                return new Step(refusal);
            }
            var recognition = new Recognition(clean!.Decision!, clean.DecidedOn!, clean.DecidedBy!, card.Level, card.LevelName, card.Total, clock.GetUtcNow());
            var change = new ResultChange(recognition.RecordedAt, ResultChanges.Recognised, recognition.DecidedBy,
                $"{recognition.Decision} ({recognition.DecidedOn}): {recognition.LevelName}, {VietnameseFormat.Points(recognition.Total)}", null);
            return new Step(Write: () => store.TryRecogniseAsync(communeId, year, aggregate, recognition, change));
        });
    }

    public Task<(Scorecard? Card, ApiError? Error)> RevokeAsync(string communeId, int year, RevocationRequest request)
    {
        var (clean, invalid) = validator.Check(request);
        return invalid is not null ? Task.FromResult<(Scorecard?, ApiError?)>((null, invalid)) : DecideAsync(communeId, year, (_, aggregate) =>
        {
            if (aggregate.Recognition is null)
            {
                return new Step(problems.Conflict("", "recognition.none", ("year", year)));
            }
            if (aggregate.Revocation is { } revoked)
            {
                return revoked.Decision == clean!.Decision
                    ? new Step(Repeat: true)
                    : new Step(problems.Conflict("decision", "recognition.revokedBy", ("year", year), ("decision", revoked.Decision)));
            }
            var revocation = new Revocation(clean!.Decision!, clean.Reason!, clean.DecidedOn!, clean.DecidedBy, clock.GetUtcNow());
            var change = new ResultChange(revocation.RecordedAt, ResultChanges.Revoked, revocation.DecidedBy, $"{revocation.Decision} ({revocation.DecidedOn})", revocation.Reason);
            return new Step(Write: () => store.TryRevokeAsync(communeId, year, aggregate, revocation, change));
        });
    }

    /// <summary>What a decision makes of the year as read: a refusal, a repeat of itself, or a conditional write.</summary>
    private sealed record Step(ApiError? Refusal = null, bool Repeat = false, Func<Task<bool>>? Write = null);

    /// <summary>Reads the scorecard and its aggregate, lets <paramref name="decide"/> choose, and re-reads when a conditional write lost to another change.</summary>
    private async Task<(Scorecard? Card, ApiError? Error)> DecideAsync(string communeId, int year, Func<Scorecard, CommuneAggregate, Step> decide)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (card, aggregate, error) = await scores.ScorecardWithAggregateAsync(communeId, year);
            if (error is not null)
            {
                return (null, error);
            }
            var step = decide(card!, aggregate!);
            if (step.Refusal is not null)
            {
                return (null, step.Refusal);
            }
            if (step.Repeat)
            {
                return (card, null);
            }
            if (await step.Write!())
            {
                var (after, _, rereadError) = await scores.ScorecardWithAggregateAsync(communeId, year);
                return (after, rereadError);
            }
        }
        return (null, problems.Conflict("", "assessment.busy"));
    }

    /// <summary>Why a (new) recognition cannot be recorded now, or null.</summary>
    private ApiError? RecognitionRefusal(Scorecard card, CommuneAggregate aggregate, int year) =>
        aggregate.Revocation is { } revoked ? problems.Conflict("", "recognition.revokedBy", ("year", year), ("decision", revoked.Decision))
        : aggregate.Recognition is { } existing ? problems.Conflict("decision", "recognition.already", ("year", year), ("decision", existing.Decision))
        : card.Status != ResultStatuses.Name(ResultStatus.Appraised) ? problems.Conflict("", "recognition.notAppraised", ("year", year))
        : card.Level == LevelCode.None ? problems.Conflict("", "recognition.noLevel", ("year", year))
        : null;
}
