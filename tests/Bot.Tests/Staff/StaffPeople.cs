using System.Net.Http.Json;
using Bot.People;
using Bot.Staff.Enrolment;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Loading;

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

    public static readonly IReadOnlyDictionary<string, decimal> FullMarks = SchemeLoader.Load().Rubric.Leaves.ToDictionary(l => l.Id, l => l.Max);

    /// <summary>A commune's final self-assessment put straight into the core, as its staff would have submitted it.</summary>
    public static async Task SubmittedAsync(CoreApp core, string communeId, IReadOnlyDictionary<string, decimal>? items = null, IReadOnlyDictionary<string, string>? evidence = null)
    {
        var response = await core.Api().PutAsJsonAsync($"/api/v1/communes/{communeId}/years/2026/self-assessment",
            new { items = items ?? FullMarks, evidence = evidence ?? new Dictionary<string, string>(), submittedBy = "Cán bộ xã", final = true });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Answers every item of a self-scoring walk with full marks and a note.</summary>
    public static async Task ScoreEverythingAsync(Conversation staff)
    {
        foreach (var max in FullMarks.Values)
        {
            await staff.SayAsync($"{max.ToString(System.Globalization.CultureInfo.InvariantCulture)} - có");
        }
    }
}
