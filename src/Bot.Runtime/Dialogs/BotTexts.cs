using Scoring.Text;

namespace Bot.Dialogs;

/// <summary>The bot's words and messages from dialogs/text/bot.vi.json, with the word lists parsed once.</summary>
public sealed class BotTexts(TextCatalog catalog)
{
    public WordList Back { get; } = new(catalog.Format("words.back"));
    public WordList Skip { get; } = new(catalog.Format("words.skip"));
    public WordList Cancel { get; } = new(catalog.Format("words.cancel"));
    public WordList Help { get; } = new(catalog.Format("words.help"));
    public WordList Restart { get; } = new(catalog.Format("words.restart"));
    public WordList Submit { get; } = new(catalog.Format("words.submit"));
    public WordList Edit { get; } = new(catalog.Format("words.edit"));
    public WordList Accept { get; } = new(catalog.Format("words.accept"));
    public WordList Decline { get; } = new(catalog.Format("words.decline"));
    public WordList Survey { get; } = new(catalog.Format("words.survey"));
    public WordList Greeting { get; } = new(catalog.Format("words.greeting"));
    public WordList ConfirmYes { get; } = new(catalog.Format("words.confirmYes"));
    public WordList ConfirmNo { get; } = new(catalog.Format("words.confirmNo"));

    public string this[string key] => catalog.Format(key);

    public string Format(string key, params (string Name, object? Value)[] values) => catalog.Format(key, values);
}
