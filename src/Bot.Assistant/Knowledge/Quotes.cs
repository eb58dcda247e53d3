namespace Bot.Assistant.Knowledge;

/// <summary>Passages cut to fit a chat bubble on a cheap phone: at a word, with an ellipsis.</summary>
public static class Quotes
{
    public static string Clip(string text, int length)
    {
        text = text.Replace('\n', ' ').Trim();
        if (text.Length <= length)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', length);
        return (cut > length / 2 ? text[..cut] : text[..length]).TrimEnd(',', ';', ':') + "…";
    }
}
