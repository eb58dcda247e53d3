using Bot.Activities;

namespace Bot.Channels.BotFramework;

/// <summary>
/// Teams, the Emulator and any other Bot Connector channel: the activity as Teams shows it (buttons
/// as a card, Markdown line breaks), posted to the conversation at its serviceUrl.
/// </summary>
public sealed partial class BotConnectorSender(ConnectorClient connector, ILogger<BotConnectorSender> log) : IChannelSender
{
    /// <summary>
    /// Zalo has its own API, and Direct Line conversations are read, not written to. The ids as
    /// channels send them (this adapter knows no other channel's code).
    /// </summary>
    public bool Serves(string channelId) => channelId is not ("zalo" or "directline" or "webchat");

    public async Task<bool> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await connector.SendAsync(AsShown(activity), cancellationToken);
            return true;
        }
        catch (HttpRequestException e)
        {
            LogFailed(e, activity.ChannelId);
            return false;
        }
    }

    /// <summary>The activity as a Bot Connector client shows it: buttons as a card on Teams, Markdown line breaks.</summary>
    public static Activity AsShown(Activity activity) => MarkdownBreaks.Apply(TeamsCards.Render(activity));

    [LoggerMessage(Level = LogLevel.Warning, Message = "An activity on {Channel} was not delivered to the Bot Connector")]
    private partial void LogFailed(Exception e, string? channel);
}
