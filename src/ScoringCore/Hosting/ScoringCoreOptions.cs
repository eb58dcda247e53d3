using System.ComponentModel.DataAnnotations;

namespace ScoringCore.Hosting;

/// <summary>Configuration section "ScoringCore".</summary>
public sealed class ScoringCoreOptions
{
    public const string Section = "ScoringCore";

    /// <summary>Keys accepted in X-Api-Key. Secrets: from environment or user secrets, never committed.</summary>
    public List<string> ApiKeys { get; set; } = [];

    public const int MinApiKeyLength = 16;

    /// <summary>At least one key, and none short enough to guess.</summary>
    public bool HasUsableApiKeys() => ApiKeys.Count > 0 && ApiKeys.All(key => key.Length >= MinApiKeyLength);

    /// <summary>Prefix of every Redis key, so several deployments (or test runs) can share one server.</summary>
    [Required]
    public string KeyPrefix { get; set; } = "fg:";

    /// <summary>A units file imported at start (the run command points this at samples/units.json).</summary>
    public string? SampleUnitsFile { get; set; }

    /// <summary>
    /// How long a comment sent with a form is kept (with the name and address signed to it): the 12 months the
    /// survey's consent promises, and a day, as the bot keeps the form itself.
    /// </summary>
    public TimeSpan CommentRetention { get; set; } = TimeSpan.FromDays(366);

    /// <summary>Where dialogs/ is; by default the copy beside the program.</summary>
    public string? DialogsDirectory { get; set; }
}
