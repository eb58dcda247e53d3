using Bot.Activities;
using Bot.Staff.Enrolment;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Staff;

/// <summary>Enrols test people the way real ones are: a code from the store, redeemed by "đăng ký" in the chat.</summary>
public static class StaffPeople
{
    public static async Task<string> CodeAsync(BotApp bot, StaffRole role, string unitId, string createdBy = "test")
    {
        var store = bot.Services.GetRequiredService<EnrolmentStore>();
        return await store.CreateCodeAsync(new EnrolmentGrant(role, unitId, createdBy, store.CodeExpiry(linkCode: false)));
    }

    /// <summary>A new conversation whose user is enrolled with <paramref name="role"/> over <paramref name="unitId"/>.</summary>
    public static async Task<Conversation> EnrolledAsync(BotApp bot, StaffRole role, string unitId, string channel = "webchat")
    {
        var conversation = bot.Conversation(channel);
        var replies = await conversation.SayAsync("đăng ký " + await CodeAsync(bot, role, unitId));
        Assert.Contains("đăng ký thành công", replies.Single().Text);
        return conversation;
    }

    public static string Last(IReadOnlyList<Activity> replies) => replies[^1].Text ?? "";
}
