using Scoring.Text;

namespace Bot.Dialogs;

/// <summary>The bot's words and messages from dialogs/text/bot.vi.json, with the word lists parsed once.</summary>
public sealed class BotTexts(TextCatalog catalog, Politeness politeness)
{
    public BotTexts(TextCatalog catalog) : this(catalog, Politeness.From(catalog))
    {
    }

    /// <summary>The particles around an answer ("dạ … ạ"), which every word list and choice looks past.</summary>
    public Politeness Politeness => politeness;

    /// <summary>Units' names as they read where they stand ("Xã Cẩm Vũ", "của xã Cẩm Vũ").</summary>
    public UnitNames UnitNames { get; } = UnitNames.From(catalog);

    public WordList Back { get; } = new(catalog.Format("words.back"), politeness);
    public WordList Skip { get; } = new(catalog.Format("words.skip"), politeness);
    public WordList Cancel { get; } = new(catalog.Format("words.cancel"), politeness);
    private WordList Help { get; } = new(catalog.Format("words.help"), politeness);

    /// <summary>"Trợ giúp", "giúp tôi với ạ", "làm sao?": a request for help, asked with a question mark or without.</summary>
    public bool AsksHelp(string text) =>
        Help.MatchesTyped(text) || (text.TrimEnd() is { Length: > 1 } asked && asked[^1] == '?' && Help.MatchesTyped(asked.TrimEnd('?', ' ')));
    public WordList Restart { get; } = new(catalog.Format("words.restart"), politeness);
    public WordList Submit { get; } = new(catalog.Format("words.submit"), politeness);
    public WordList Edit { get; } = new(catalog.Format("words.edit"), politeness);

    /// <summary>A word a question's number follows in "câu 4 sửa lại là khá", "sửa 4 thành khá".</summary>
    public WordList QuestionNumber { get; } = new(catalog.Format("words.questionNumber"), politeness);

    /// <summary>"Câu", which alone names a question before the summary ("sửa câu 3"), where "đội 3" may be an address.</summary>
    public WordList Question { get; } = new(catalog.Format("words.question"), politeness);
    public WordList Accept { get; } = new(catalog.Format("words.accept"), politeness);
    public WordList Decline { get; } = new(catalog.Format("words.decline"), politeness);

    /// <summary>"Để sau", "đang bận": at the consent, a not-now rather than a no.</summary>
    public WordList Later { get; } = new(catalog.Format("words.later"), politeness);
    public WordList Survey { get; } = new(catalog.Format("words.survey"), politeness);
    public WordList Greeting { get; } = new(catalog.Format("words.greeting"), politeness);

    /// <summary>"một", "hai", … "mười": numbers said in words (an option's number, a score).</summary>
    public NumberWords Numbers { get; } = new(catalog.Format("words.numbers"), new WordList(catalog.Format("words.numberLead"), politeness));

    /// <summary>"Cảm ơn cháu", "thanks": a thank-you, which outside a survey is answered as one.</summary>
    public WordList Thanks { get; } = new(catalog.Format("words.thanks"), politeness);

    /// <summary>
    /// A yes or a no with thanks after it ("vâng, cảm ơn cháu", "không, cảm ơn"): the key without the thanks, to be read as
    /// the yes or the no; the key itself when no thanks ends it.
    /// </summary>
    public string WithoutThanks(string key) => Thanks.Before(politeness.StripTrailing(key)) ?? key;

    /// <summary>"Ok", "vâng", a thumbs-up: a nod outside a survey, which is not a commune's name, a command or a new visitor.</summary>
    public WordList Acknowledge { get; } = new(catalog.Format("words.acknowledge"), politeness);
    /// <summary>"Tôi không biết", "không nhớ": found anywhere in a message (<see cref="WordList.Within"/>), answered with where to look or what to choose.</summary>
    public WordList DontKnow { get; } = new(catalog.Format("words.dontKnow"), politeness);

    /// <summary>
    /// "Hồ sơ của tôi xong chưa?", "tra cứu hồ sơ", "muốn đăng ký khai sinh": a citizen who takes the bot for the desk,
    /// found anywhere in a message that names no commune, and told the desk does that (<c>procedureNotHere</c>).
    /// </summary>
    public WordList AskedProcedure { get; } = new(catalog.Format("words.askedProcedure"), politeness);
    public WordList ConfirmYes { get; } = new(catalog.Format("words.confirmYes"), politeness);
    public WordList ConfirmNo { get; } = new(catalog.Format("words.confirmNo"), politeness);

    /// <summary>
    /// The reply to "Ông/Bà chọn … phải không?": true for a yes, false for a no, with or without thanks after it ("vâng,
    /// cảm ơn cháu"); null for neither, which is a new answer or a command.
    /// </summary>
    public bool? ConfirmReply(string key)
    {
        var reply = WithoutThanks(key);
        return ConfirmYes.Matches(reply) ? true : ConfirmNo.Matches(reply) ? false : null;
    }

    /// <summary>"Không ạ", "hết", "gửi": the answer of someone with nothing to write where writing is optional.</summary>
    public WordList NothingToAdd { get; } = new(catalog.Format("words.nothingToAdd"), politeness);

    /// <summary>
    /// "Năm ngoái", "năm nay", "năm sau" ("a|b" phrase lists) with the years each moves from this one: read by the
    /// assistant's questions and the staff's commands alike.
    /// </summary>
    public IReadOnlyList<(string Phrases, int Offset)> RelativeYears { get; } =
        [(catalog.Format("words.lastYear"), -1), (catalog.Format("words.thisYear"), 0), (catalog.Format("words.nextYear"), 1)];

    public string this[string key] => catalog.Format(key);

    /// <summary>The word list under <paramref name="key"/> ("a|b|c"), matched plainly or politely.</summary>
    public WordList WordsAt(string key) => new(catalog.Format(key), politeness);

    public bool Has(string key) => catalog.Contains(key);

    /// <summary>
    /// The text for <paramref name="key"/> with its values filled in; a unit's name ({communeName},
    /// {commune}, {unit}, …) reads as it should where it stands: "Xã Cẩm Vũ" beginning the text, a
    /// line or a list item, "xã Cẩm Vũ" mid-sentence (<see cref="UnitNames.FillIn"/>).
    /// </summary>
    public string Format(string key, params (string Name, object? Value)[] values)
    {
        if (!values.Any(IsUnitName))
        {
            return catalog.Format(key, values);
        }
        var text = catalog.Format(key);
        foreach (var (name, value) in values.Where(IsUnitName))
        {
            text = UnitNames.FillIn(text, "{" + name + "}", (string)value!);
        }
        return TextCatalog.Fill(text, [.. values.Where(v => !IsUnitName(v))]);
    }

    private static readonly string[] UnitPlaceholders = ["communeName", "pageCommuneName", "commune", "unitName", "unit"];

    private static bool IsUnitName((string Name, object? Value) value) => value.Value is string && UnitPlaceholders.Contains(value.Name);
}
