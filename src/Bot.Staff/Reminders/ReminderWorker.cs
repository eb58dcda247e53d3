using Bot.CoreClient;
using Bot.People;
using Bot.Staff.Enrolment;
using Bot.State;
using Bot.Units;
using Microsoft.Extensions.Options;
using Scoring.Rules;
using Scoring.Text;
using StackExchange.Redis;

namespace Bot.Staff.Reminders;

/// <summary>
/// Reminds enrolled staff of communes that have not submitted, 7 and 2 days before the
/// self-assessment deadline, and appraisers with submissions awaiting appraisal before theirs;
/// through every stored conversation of the person on a channel that allows a first message.
/// Each reminder goes once: a Redis mark is set before sending and removed only if nothing got through.
/// </summary>
public sealed partial class ReminderWorker(
    EnrolmentStore enrolments,
    IUnitDirectory units,
    ScoringCoreClient core,
    ProactiveMessenger messenger,
    StaffTexts texts,
    ScoringRules rules,
    IConnectionMultiplexer redis,
    BotKeys keys,
    IOptions<ReminderOptions> options,
    TimeProvider clock,
    ILogger<ReminderWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is RedisException or HttpRequestException or TimeoutException)
            {
                LogFailed(e);
            }
            await Task.Delay(options.Value.CheckInterval, clock, stoppingToken);
        }
    }

    /// <summary>Sends the reminders due now; returns how many people were reached.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var year = now.ToOffset(rules.Calendar.Offset).Year;
        if (!rules.IsSchemeYear(year))
        {
            return 0;
        }
        var reached = 0;
        var people = await enrolments.AllAsync();
        if (Due(now, rules.Calendar.SelfAssessmentDeadline(year)) is { } selfDays)
        {
            foreach (var person in people.Where(p => p.Role == StaffRole.Staff))
            {
                reached += await RemindStaffAsync(person, year, selfDays, cancellationToken) ? 1 : 0;
            }
        }
        if (Due(now, rules.Calendar.AppraisalDeadline(year)) is { } appraisalDays)
        {
            foreach (var person in people.Where(p => p.Role == StaffRole.Appraiser))
            {
                reached += await RemindAppraiserAsync(person, year, appraisalDays, cancellationToken) ? 1 : 0;
            }
        }
        return reached;
    }

    /// <summary>The nearest reminder point already passed before <paramref name="deadline"/> (7, then 2 days), or null.</summary>
    private int? Due(DateTimeOffset now, DateTimeOffset deadline)
    {
        var due = options.Value.Days.Where(days => now >= deadline.AddDays(-days) && now < deadline).ToList();
        return due.Count == 0 ? null : due.Min();
    }

    private async Task<bool> RemindStaffAsync(Person person, int year, int days, CancellationToken cancellationToken)
    {
        var card = await core.GetScorecardAsync(person.UnitId, year, cancellationToken);
        if (!card.Ok || card.Value!.Submitted)
        {
            return false;
        }
        var deadline = rules.Calendar.SelfAssessmentDeadline(year);
        var tree = await units.TreeAsync(cancellationToken);
        var text = texts.Format("remind.self", ("commune", tree.NameOf(person.UnitId)), ("year", year), ("deadline", VietnameseFormat.Date(deadline)), ("days", rules.Calendar.DaysLeft(clock.GetUtcNow(), deadline)));
        return await SendOnceAsync($"self:{year}:{days}", person, text, cancellationToken);
    }

    private async Task<bool> RemindAppraiserAsync(Person person, int year, int days, CancellationToken cancellationToken)
    {
        var summary = await core.GetSummaryAsync(person.UnitId, year, cancellationToken);
        var awaiting = summary.Ok ? summary.Value!.Submissions.Submitted - summary.Value.Submissions.Appraised : 0;
        if (awaiting <= 0)
        {
            return false;
        }
        var deadline = rules.Calendar.AppraisalDeadline(year);
        var tree = await units.TreeAsync(cancellationToken);
        var text = texts.Format("remind.appraisal", ("unit", tree.NameOf(person.UnitId)), ("count", awaiting), ("deadline", VietnameseFormat.Date(deadline)), ("days", rules.Calendar.DaysLeft(clock.GetUtcNow(), deadline)));
        return await SendOnceAsync($"appraisal:{year}:{days}", person, text, cancellationToken);
    }

    private async Task<bool> SendOnceAsync(string reminder, Person person, string text, CancellationToken cancellationToken)
    {
        var references = await enrolments.ReferencesAsync(person.Id);
        if (references.Count == 0)
        {
            return false;
        }
        var mark = keys.Reminded(reminder, person.Id);
        var db = redis.GetDatabase();
        if (!await db.StringSetAsync(mark, clock.GetUtcNow().ToUnixTimeSeconds(), TimeSpan.FromDays(60), When.NotExists))
        {
            return false;
        }
        var delivered = false;
        foreach (var reference in references)
        {
            delivered |= await messenger.SendAsync(reference, text, cancellationToken);
        }
        if (!delivered)
        {
            // Nothing got through: the next check tries again.
            await db.KeyDeleteAsync(mark);
        }
        else
        {
            LogSent(reminder, person.Id);
        }
        return delivered;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Reminder} sent to enrolment {PersonId}")]
    private partial void LogSent(string reminder, string personId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder check failed; trying again at the next interval")]
    private partial void LogFailed(Exception e);
}
