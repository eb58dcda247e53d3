using Bot.Activities;

namespace Bot.Tests.Cluster;

/// <summary>
/// A citizen taking the whole survey over a channel that retries, as the Bot Connector does: a
/// turn that fails (5xx, a dropped request) is sent again with the same activity id until it is
/// answered. Counts its retries and the thanks it was given.
/// </summary>
public sealed class RetryingCitizen(BotApp bot, string communeId)
{
    private readonly Conversation _conversation = bot.Conversation();

    public string ConversationId => _conversation.Id;

    public int Retries { get; private set; }

    /// <summary>Thanks for a completed survey; more than one would be a survey confirmed twice.</summary>
    public int Thanks { get; private set; }

    /// <summary>The final turn was saved but its answer lost, and the retry was (rightly) not answered again.</summary>
    public bool ThanksLostToRetry { get; private set; }

    /// <summary>Questions ("Câu n/5") this citizen was shown more than once: a turn answered twice.</summary>
    public int QuestionsRepeated => _questions.Count - _questions.Distinct().Count();

    private readonly List<string> _questions = [];

    public async Task CompleteAsync(Action onTurn)
    {
        await SendAsync(_conversation.Activity(ActivityTypes.Event, null, a =>
        {
            a.Name = "startSurvey";
            a.Value = System.Text.Json.JsonSerializer.SerializeToElement(new { form = "citizen", communeId });
        }), onTurn);
        foreach (var answer in Surveys.CitizenAnswers)
        {
            await SendAsync(_conversation.Activity(ActivityTypes.Message, null, a => a.Text = answer), onTurn);
        }
        var (replies, retried) = await SendAsync(_conversation.Activity(ActivityTypes.Message, null, a => a.Text = "gửi"), onTurn);
        Thanks += replies.Count(r => r.Text?.Contains("Xin trân trọng cảm ơn", StringComparison.Ordinal) == true);
        ThanksLostToRetry = retried && replies.Count == 0;
    }

    private async Task<(IReadOnlyList<Activity> Replies, bool Retried)> SendAsync(Activity activity, Action onTurn)
    {
        var retried = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var replies = await _conversation.PostAsync(activity);
                _questions.AddRange(replies.SelectMany(r => System.Text.RegularExpressions.Regex.Matches(r.Text ?? "", @"Câu \d+/\d+:").Select(m => m.Value)));
                onTurn();
                return (replies, retried);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or StackExchange.Redis.RedisException or TimeoutException && attempt < 60)
            {
                // The channel's retry: the same activity (same id) again after a pause.
                Retries++;
                retried = true;
                await Task.Delay(250);
            }
        }
    }
}
