using ScoringCore.Contracts;
using StackExchange.Redis;

namespace ScoringCore.Storage;

/// <summary>
/// A commune-year's self-assessment and appraisal as read, with the raw values kept so a later
/// write can be made conditional on nothing having changed in between. <see cref="Closed"/>
/// (read only for a write): the year's result was recognised (or revoked), and nothing may change it any more.
/// </summary>
public sealed record AssessmentDocuments(
    RedisValue SelfRaw,
    SelfAssessmentRecord? Self,
    RedisValue AppraisalRaw,
    AppraisalRecord? Appraisal,
    bool Closed = false);
