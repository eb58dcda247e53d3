using Bot.Assistant.Knowledge;
using OpenAI.Chat;

namespace Bot.Assistant.Model;

/// <summary>
/// The messages sent to the model: the rules, the retrieved passages with their labels, the
/// asker's own permitted data, and the question fenced in a tag it cannot close. Nothing else of
/// the service (keys, other communes, other people) is ever put in.
/// </summary>
public sealed class GroundedPrompt(AssistantTexts texts)
{
    private const int PassageLength = 800;
    private const int QuestionLength = 500;

    public string System => texts.Text("model.system");

    public IReadOnlyList<ChatMessage> Build(Question question, IReadOnlyList<SearchHit> hits, string? permitted)
    {
        var passages = string.Join('\n', hits.Select(h => $"[{h.Passage.Label}] ({h.Passage.Citation}) {Knowledge.Quotes.Clip(h.Passage.Text, PassageLength)}"));
        var user = string.Join("\n\n",
            texts.Text("model.passagesHeader") + "\n" + passages,
            texts.Text("model.permittedHeader") + "\n" + (permitted ?? texts.Text("model.noPermitted")),
            texts.Format("model.question", ("question", Fence(question.Text))));
        return [new SystemChatMessage(System), new UserChatMessage(user)];
    }

    /// <summary>Angle brackets out, so "&lt;/cau_hoi&gt;" typed in a question cannot end the fence early.</summary>
    private static string Fence(string question)
    {
        var text = question.Replace('<', '‹').Replace('>', '›');
        return text.Length <= QuestionLength ? text : text[..QuestionLength];
    }
}
