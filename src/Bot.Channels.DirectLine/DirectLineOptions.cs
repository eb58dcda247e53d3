namespace Bot.Channels.DirectLine;

/// <summary>Configuration section "DirectLine": the self-hosted Direct Line 3.0 channel.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>
    /// The Direct Line secret that a commune's web server uses to ask for tokens
    /// (POST /v3/directline/tokens/generate). Tokens are signed with a key derived from it.
    /// From environment or user secrets, never from a committed file.
    /// </summary>
    public string Secret { get; set; } = "";

    /// <summary>
    /// How long a token lives. Web Chat refreshes every 15 minutes whatever it is told, so this
    /// must be longer (Azure's service uses 30 minutes).
    /// </summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a conversation's transcript is kept after its last activity (a day, like the survey's resume window).</summary>
    public TimeSpan TranscriptRetention { get; set; } = TimeSpan.FromHours(25);

    /// <summary>
    /// How long a socket may hear nothing before it reads the transcript itself. Pub/sub is
    /// best-effort (a reconnect or failover drops messages); a lost message is otherwise only
    /// noticed when a later one arrives, and the last message of a turn has none after it.
    /// </summary>
    public TimeSpan StreamCatchUpInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Web origins allowed to call the API from a browser (a commune's own website embedding Web Chat).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Activities one conversation may post in a minute; a person answers far slower.</summary>
    public int PostsPerMinutePerConversation { get; set; } = 60;

    /// <summary>
    /// Requests one address may make in a minute. Generous: a desk's Wi-Fi or a mobile carrier
    /// puts many citizens behind one address.
    /// </summary>
    public int RequestsPerMinutePerAddress { get; set; } = 1200;
}
