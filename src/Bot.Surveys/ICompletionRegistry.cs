namespace Bot.Surveys;

/// <summary>Whether a channel user already completed a form for a commune in a year (one form per person and period).</summary>
public interface ICompletionRegistry
{
    Task<bool> IsCompletedAsync(string form, string communeId, int year, string userKey);
}
