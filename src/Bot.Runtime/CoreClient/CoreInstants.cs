using System.Globalization;

namespace Bot.CoreClient;

/// <summary>An instant the scoring core wrote (ISO 8601, in UTC), read back and shown as people here read time: in the scheme's offset.</summary>
public static class CoreInstants
{
    public static DateTimeOffset? Read(string instant) =>
        DateTimeOffset.TryParse(instant, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    /// <summary>The instant at <paramref name="offset"/> in <paramref name="format"/>; the text as written if it is not one.</summary>
    public static string Local(string instant, TimeSpan offset, string format) =>
        Read(instant) is { } at ? at.ToOffset(offset).ToString(format, CultureInfo.InvariantCulture) : instant;
}
