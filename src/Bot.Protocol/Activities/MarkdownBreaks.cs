namespace Bot.Activities;

/// <summary>
/// Web Chat, Teams and the Emulator read a message's text as Markdown, where a single line break
/// is only a space (Web Chat's markdown-it runs with breaks off): a list of lines arrives as one wall
/// of words. A hard break is two spaces before the newline, so every line break gets them. Zalo shows
/// text as typed and is left alone.
/// </summary>
public static class MarkdownBreaks
{
    private const string PlainTextChannel = "zalo";

    public static Activity Apply(Activity reply)
    {
        if (reply.ChannelId != PlainTextChannel && reply.TextFormat is null or "markdown" && reply.Text is { } text && text.Contains('\n', StringComparison.Ordinal))
        {
            reply.Text = text.Replace("  \n", "\n", StringComparison.Ordinal).Replace("\n", "  \n", StringComparison.Ordinal);
        }
        return reply;
    }
}
