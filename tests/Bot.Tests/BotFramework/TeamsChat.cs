using System.Text.Json;
using Bot.Activities;

namespace Bot.Tests.BotFramework;

/// <summary>One Teams user and the bot: activities as Teams sends them, each with a channel token, replies read at the fake connector.</summary>
public sealed class TeamsChat(BotApp bot, FakeConnector connector, FakeMicrosoftIdentity.Key key, string conversationType = "personal")
{
    public string ConversationId { get; } = "a:" + Guid.NewGuid().ToString("N");
    public string UserId { get; } = "29:" + Guid.NewGuid().ToString("N")[..10];

    public Activity Activity(string type, Action<Activity>? shape = null)
    {
        var activity = TeamsBot.Personal(ConversationId, UserId, connector.ServiceUrl, type);
        activity.Conversation!.ConversationType = conversationType;
        activity.Conversation.IsGroup = conversationType == "personal" ? null : true;
        shape?.Invoke(activity);
        return activity;
    }

    public Task<HttpResponseMessage> SayAsync(string text) => PostAsync(Activity(ActivityTypes.Message, a => a.Text = text));

    /// <summary>A click on an Action.Execute button: the adaptiveCard/action invoke Teams sends.</summary>
    public Task<HttpResponseMessage> ExecuteAsync(JsonElement data) => PostAsync(Activity(ActivityTypes.Invoke, a =>
    {
        a.Name = "adaptiveCard/action";
        a.Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "answer", data }, trigger = "manual" });
    }));

    public async Task<HttpResponseMessage> PostAsync(Activity activity)
    {
        using var request = TeamsBot.MessagesRequest(activity, TeamsBot.ChannelToken(key, connector.ServiceUrl, bot.Clock.GetUtcNow()));
        return await bot.CreateClient().SendAsync(request);
    }

    /// <summary>What the bot has sent to this conversation so far.</summary>
    public IReadOnlyList<JsonElement> Sent() =>
        [.. connector.Received.Where(r => r.ConversationHeader == ConversationId).Select(r => r.Body)];

    /// <summary>The Adaptive Card of the last reply that has one.</summary>
    public JsonElement LastCard() =>
        Sent().Last(a => a.TryGetProperty("attachments", out _)).GetProperty("attachments")[0].GetProperty("content");
}
