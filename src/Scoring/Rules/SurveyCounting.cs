using Scoring.Scheme;

namespace Scoring.Rules;

/// <summary>
/// Where a survey form came from. Only the sources that tie a form to one person and one visit
/// (a case's invitation, a registered cadre, a paper sheet the appraising level collected) count
/// by default; see docs/decisions/011.
/// </summary>
public static class FormSources
{
    /// <summary>Posted to the scoring core by a caller holding its API key, without a source: counted as it always was.</summary>
    public const string Api = "api";

    /// <summary>A citizen's per-case invitation (one case file, one form).</summary>
    public const string Invitation = "invitation";

    /// <summary>A registered village cadre's personal invitation.</summary>
    public const string Cadre = "cadre";

    /// <summary>A paper form (Phụ lục 02 or 03) entered by an appraiser under its sheet number.</summary>
    public const string Paper = "paper";

    /// <summary>The open QR link on the desk poster, or a survey started in chat without an invitation.</summary>
    public const string Open = "open";

    public static readonly IReadOnlyList<string> All = [Api, Invitation, Cadre, Paper, Open];

    /// <summary>
    /// The response id of a paper sheet, the same whether it is entered in chat or in a CSV batch,
    /// so a sheet is one form however it arrives, and can be looked up before it is typed in again.
    /// </summary>
    public static string PaperResponseId(string form, string communeId, int year, string sheet) => $"paper-{form}-{communeId}-{year}-{sheet}";

    /// <summary>Sources whose forms carry a reference (case hash, registration, sheet) that may be used once.</summary>
    public static bool HasReference(string source) => source is Invitation or Cadre or Paper;
}

/// <summary>Where a stored form stands toward A1 or A2.</summary>
public enum FormStanding
{
    Counted,

    /// <summary>A citizen form whose visit (or submission) fell outside the survey window.</summary>
    OutsideWindow,

    /// <summary>The commune's own feedback (rubric item 2.5): kept, reported, not in A.</summary>
    Feedback,

    /// <summary>Counted only if an appraiser accepts it.</summary>
    Held,

    /// <summary>Held, then excluded by an appraiser with a reason.</summary>
    Excluded,

    /// <summary>
    /// An open form in a year that counts them, before the store's checks: counted unless its
    /// device already gave one (feedback) or its address sent a burst or an identical run (held).
    /// </summary>
    OpenCandidate,

    /// <summary>
    /// A case's invitation form whose visit falls in the round, before the store's check: counted
    /// unless its device already gave a counted form for another case of the commune that year (held).
    /// </summary>
    CaseCandidate,
}

/// <summary>Why a form is held: shown to the appraiser who decides.</summary>
public static class HoldReasons
{
    public const string TooFast = "too-fast";
    public const string AddressBurst = "address-burst";
    public const string IdenticalRun = "identical-run";

    /// <summary>A case's form answered on a device that had already answered another case's form of the commune.</summary>
    public const string DeviceCases = "device-cases";

    /// <summary>Not a hold: the device had already given its counted form.</summary>
    public const string DeviceRepeat = "device-repeat";
}

/// <summary>The facts about a form that decide whether it counts; <see cref="Round"/> is its commune's survey round (null: the scheme's window).</summary>
public sealed record FormFacts(
    SurveyForm Form,
    string Source,
    int Year,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? VisitedAt,
    bool? InWindowClaimed,
    DateTimeOffset? StartedAt,
    SurveyRound? Round = null);

/// <summary>
/// A commune's citizen survey for a year, which the appraising level runs: the days whose visits
/// count (by default the scheme's window) and how many forms it aims for. <see cref="Set"/> is
/// false for the default; an appraiser's change records who and when.
/// </summary>
public sealed record SurveyRound(DateOnly OpensOn, DateOnly ClosesOn, int CitizenTarget, bool Set = false, string? ChangedBy = null, DateTimeOffset? ChangedAt = null)
{
    /// <summary>Whether the round's days include <paramref name="day"/>, a day in Vietnam (<see cref="SchemeCalendar.LocalDate"/>).</summary>
    public bool Covers(DateOnly day) => day >= OpensOn && day <= ClosesOn;
}

/// <summary>The first decision on a form; the store may still move a <see cref="FormStanding.OpenCandidate"/> or a <see cref="FormStanding.CaseCandidate"/>.</summary>
public sealed record CountingDecision(FormStanding Standing, IReadOnlyList<string> Reasons);

/// <summary>The scheme's rules on which survey forms count, in one place.</summary>
public sealed class SurveyCounting(SchemeRules rules, SchemeCalendar calendar)
{
    private SurveyIntegrityRules Integrity => rules.SurveyIntegrity;

    public bool OpenFormsCount(int year) => Integrity.OpenFormsCountInA1.Contains(year);

    public TimeSpan BurstWindow => TimeSpan.FromMinutes(Integrity.Burst.Minutes);

    public int BurstForms => Integrity.Burst.Forms;

    public int CitizenTarget => Integrity.CitizenTarget;

    /// <summary>Fewer counted forms than this gives A1 (or A2) a sample warning: the latest entry of the scheme's list not after the year.</summary>
    public int SampleMinimum(int year, bool citizen) =>
        Integrity.SampleMinimums.Where(m => m.From <= year).OrderBy(m => m.From).LastOrDefault() is { } minimum
            ? (citizen ? minimum.Citizen : minimum.Cadre)
            : 0;

    /// <summary>How long an invitation stays usable after the visit it stands for.</summary>
    public TimeSpan InvitationLifetime => TimeSpan.FromDays(Integrity.InvitationDaysAfterVisit);

    /// <summary>The round a commune has until an appraiser sets one: the scheme's window and target.</summary>
    public SurveyRound DefaultRound(int year)
    {
        var (from, to) = calendar.CitizenSurveyWindow(year);
        return new SurveyRound(from, to, CitizenTarget);
    }

    public CountingDecision Decide(FormFacts facts)
    {
        var round = facts.Round ?? DefaultRound(facts.Year);
        var form = facts.Form;
        switch (facts.Source)
        {
            case FormSources.Open:
                // Cadre forms count only from registered cadres; citizen ones only in listed years.
                if (!form.UsesSurveyWindow || !OpenFormsCount(facts.Year))
                {
                    return new(FormStanding.Feedback, []);
                }
                if (!round.Covers(calendar.LocalDate(facts.SubmittedAt)))
                {
                    return new(FormStanding.OutsideWindow, []);
                }
                return new(FormStanding.OpenCandidate, TooFast(facts) ? [HoldReasons.TooFast] : []);
            case FormSources.Invitation:
                // The visit is what the window is about: a citizen may answer a few days later.
                // One person answers for their own case: a device that answers for a second case
                // (desk staff answering invented cases) is held for the appraiser, not counted.
                var visit = InRound(form, facts.VisitedAt ?? facts.SubmittedAt, round);
                return visit.Standing == FormStanding.Counted ? visit with { Standing = FormStanding.CaseCandidate } : visit;
            case FormSources.Cadre:
            case FormSources.Paper:
                return new(FormStanding.Counted, []);
            default:
                return facts.InWindowClaimed is { } claimed && form.UsesSurveyWindow
                    ? new(claimed ? FormStanding.Counted : FormStanding.OutsideWindow, [])
                    : InRound(form, facts.SubmittedAt, round);
        }
    }

    private CountingDecision InRound(SurveyForm form, DateTimeOffset at, SurveyRound round) =>
        !form.UsesSurveyWindow || round.Covers(calendar.LocalDate(at))
            ? new(FormStanding.Counted, [])
            : new(FormStanding.OutsideWindow, []);

    /// <summary>Faster than a person can read five questions and tap five answers.</summary>
    private bool TooFast(FormFacts facts) =>
        facts.StartedAt is { } started && facts.SubmittedAt - started < TimeSpan.FromSeconds(Integrity.MinimumSecondsPerForm);
}
