using System.Text.Json;
using Bot.Activities;
using Bot.Dialogs;
using Bot.State;
using Bot.Surveys.Invitations;
using Bot.Turns;
using Bot.Units;

namespace Bot.Surveys.Routing;

/// <summary>
/// The citizens' routes: a welcome when someone joins, "startSurvey" events from links and the web
/// page, and messages (a survey link or invitation code, the survey in progress, "khảo sát &lt;xã&gt;",
/// "làm lại", choosing a commune by name). They come after the staff routes, which leave a survey
/// in progress alone; the welcome, which answers any message, comes last of all.
/// </summary>
public sealed class SurveyRoutes(
    SurveyEngine engine,
    SurveyStarts starts,
    BotTexts texts,
    ICommuneDirectory communes,
    SurveyLinks links,
    InvitationCodes codes,
    PageStamps stamps)
{
    public const string StartSurveyEvent = "startSurvey";
    private const string DefaultForm = "citizen";

    public void AddTo(RouteTable routes) => routes
        .OnActivity("survey/joined", ActivityTypes.ConversationUpdate, OnMembersAdded)
        .OnEvent("survey/start", StartSurveyEvent, OnStartEventAsync)
        // A click on a card whose question has been answered since must not answer the question asked now.
        .OnMessage("survey/staleCard", turn => CardAnswer.Read(turn.Activity.Value) is { Prompt: { } prompt } && prompt != turn.State.PromptKey, OnStaleCard)
        .OnMessage("survey/link", turn => links.FindIn(turn.Text) is not null, OnLinkAsync)
        // "khảo sát K7M2-QX9P" or a shared invitation page: on any channel, even mid-survey.
        .OnMessage("survey/invitationCode", turn => InvitationCode(turn) is not null, OnInvitationCodeAsync)
        .OnMessage("survey/answer", turn => turn.State.Phase == Phase.Survey, OnAnswer)
        .OnMessage("survey/byName", turn => texts.Survey.RestOf(turn.Text) is { Length: > 0 }, OnSurveyByNameAsync)
        .OnMessage("survey/restart", turn => texts.Restart.Matches(TextNormalizer.Key(turn.Text)) && turn.State.LastSurvey is not null, OnRestartAsync)
        // Asked for their commune, a person can still stop or ask how: neither is a commune's name.
        .OnMessage("survey/chooseCommune/cancel", turn => turn.State.Phase == Phase.AskingCommune && texts.Cancel.MatchesTyped(turn.Text), OnCommuneCancelled)
        .OnMessage("survey/chooseCommune/help", turn => turn.State.Phase == Phase.AskingCommune && texts.AsksHelp(turn.Text), OnCommuneHelp)
        .OnMessage("survey/chooseCommune", IsCommuneName, OnChooseCommuneAsync);

    /// <summary>The citizens' welcome, which answers any message no route before it took: last in the table.</summary>
    public void AddWelcomeTo(RouteTable routes) => routes.OnMessage("survey/welcome", _ => true, OnWelcomeAsync);

    /// <summary>Someone joined (see <see cref="Activity.PersonJoined"/>): a survey in progress is taken up, otherwise the welcome.</summary>
    private Task OnMembersAdded(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!turn.Activity.PersonJoined())
        {
            return Task.CompletedTask;
        }
        if (turn.State.Phase == Phase.Survey)
        {
            starts.Resume(turn);
            return Task.CompletedTask;
        }
        return OnWelcomeAsync(turn, cancellationToken);
    }

    private Task OnStaleCard(TurnContext turn, CancellationToken cancellationToken)
    {
        // With nothing asked since a form was sent, that the form went is what the person needs to hear.
        turn.Say(texts[JustSent(turn) ? "closing.alreadySent" : "card.stale"]);
        if (turn.State.Phase == Phase.Survey)
        {
            engine.PromptCurrent(turn);
        }
        return Task.CompletedTask;
    }

    private Task OnLinkAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var link = links.FindIn(turn.Text)!;
        return starts.OpenAsync(turn, link.Form, link.CommuneId, null, null, cancellationToken);
    }

    private string? InvitationCode(TurnContext turn) => codes.InMessage(turn);

    private Task OnInvitationCodeAsync(TurnContext turn, CancellationToken cancellationToken) =>
        starts.InvitationAsync(turn, InvitationCodes.StorageHash(InvitationCode(turn)!), null, cancellationToken);

    private Task OnAnswer(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Returning)
        {
            turn.Say(texts["resumed"]);
        }
        engine.Continue(turn, turn.Text, turn.Returning);
        return Task.CompletedTask;
    }

    /// <summary>
    /// "khảo sát cam-vu" (what the choice buttons send) or "khảo sát Phường Tứ Minh" (what a person
    /// types): an id opens the survey, a name is matched as if typed when the bot asked for it, and a
    /// name found nowhere is said to be so, with the commune asked for again.
    /// </summary>
    private async Task OnSurveyByNameAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var named = texts.Survey.RestOf(turn.Text)!;
        if (await communes.FindAsync(named, cancellationToken) is not null)
        {
            await starts.OpenAsync(turn, DefaultForm, named, null, null, cancellationToken);
            return;
        }
        var matches = await communes.SearchAsync(named, cancellationToken);
        if (matches.Count == 0)
        {
            turn.State.Begin(new AskingCommune());
        }
        await ChooseAsync(turn, named, matches, cancellationToken);
    }

    private Task OnRestartAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var last = turn.State.LastSurvey!;
        return last.InvitationHash is { } invitation
            ? starts.InvitationAsync(turn, invitation, null, cancellationToken)
            : starts.OpenAsync(turn, last.DialogId, last.CommuneId, last.CaseCode, null, cancellationToken);
    }

    /// <summary>A name typed when asked for the commune: not a greeting, and not "khảo sát" on its own, which the bot itself tells people to type.</summary>
    private bool IsCommuneName(TurnContext turn)
    {
        var key = TextNormalizer.Key(turn.Text);
        return turn.State.Phase == Phase.AskingCommune && key.Length > 0 && !texts.Greeting.Matches(key) && !texts.Survey.Matches(key)
            && !texts.Thanks.Matches(key) && !texts.Acknowledge.Matches(key);
    }

    private async Task OnChooseCommuneAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await ChooseAsync(turn, turn.Text, await communes.SearchAsync(turn.Text, cancellationToken), cancellationToken);

    private async Task ChooseAsync(TurnContext turn, string typed, IReadOnlyList<Commune> matches, CancellationToken cancellationToken)
    {
        switch (matches.Count)
        {
            case 0:
                // A name is echoed so a slip can be seen; a whole sentence ("tôi vừa làm giấy khai sinh") is not repeated back;
                // "tôi không biết" is told where the name is written; "tra cứu hồ sơ" that the desk does that.
                var key = TextNormalizer.Key(typed);
                turn.Say(texts.DontKnow.Within(key) ? texts["communeUnknown"]
                    : texts.AskedProcedure.Within(key) ? texts["procedureNotHere"]
                    : IsSentence(typed) ? texts["communeNotInSentence"] : texts.Format("communeNotFound", ("text", typed)), expectingInput: true);
                break;
            case 1:
                await starts.OpenAsync(turn, DefaultForm, matches[0].Id, null, null, cancellationToken);
                break;
            default:
                turn.Say(texts["communeChoose"], matches.Select(c => CardAction.ImBack(c.Name, $"{texts.Survey.Canonical} {c.Id}")).ToList(), expectingInput: true);
                break;
        }
    }

    /// <summary>More words than any commune's name with its kind ("thị trấn Lai Cách" is four).</summary>
    private static bool IsSentence(string typed) => typed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 5;

    private Task OnCommuneCancelled(TurnContext turn, CancellationToken cancellationToken)
    {
        turn.Say(texts["communeCancelled"]);
        turn.State.EndDialog();
        return Task.CompletedTask;
    }

    private Task OnCommuneHelp(TurnContext turn, CancellationToken cancellationToken)
    {
        turn.Say(texts["communeHelp"], expectingInput: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The welcome asks for the commune, unless the message already named one ("Cẩm Vũ" as the
    /// first message on Zalo, "tôi vừa làm thủ tục ở xã Cẩm Vũ"): that person is not asked again.
    /// </summary>
    private async Task OnWelcomeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var key = TextNormalizer.Key(turn.Text);
        if (ThanksOrNod(turn, key))
        {
            return;
        }
        var named = key.Length > 0 && !texts.Greeting.Matches(key) && !texts.Survey.Matches(key)
            ? await communes.SearchAsync(turn.Text, cancellationToken)
            : [];
        if (named.Count == 0)
        {
            // "Hồ sơ của tôi xong chưa?" as a first message: what the bot is for, and the commune asked as the welcome asks it.
            turn.Say(texts.AskedProcedure.Within(key) ? texts["procedureNotHere"] : texts["welcome"]);
            turn.State.Begin(new AskingCommune());
            return;
        }
        if (named.Count > 1)
        {
            turn.State.Begin(new AskingCommune());
        }
        await ChooseAsync(turn, turn.Text, named, cancellationToken);
    }

    /// <summary>
    /// "Cảm ơn cháu", "ok", a thumbs-up after a survey, or when asked for the commune: elderly people thank the bot or
    /// nod, and are thanked back or asked for the commune in plain words, not greeted as a new visitor or told "ok" is
    /// no commune. A thank-you there ends the asking; "gửi" once more after a form was sent is told it was. Returns
    /// whether the message was one of these.
    /// </summary>
    private bool ThanksOrNod(TurnContext turn, string key)
    {
        var asking = turn.State.Phase == Phase.AskingCommune;
        if (!asking && turn.State.LastSurvey is null)
        {
            return false;
        }
        if (JustSent(turn) && texts.Submit.Matches(key))
        {
            // "Gửi" again: the button pressed twice on a slow phone. The form went; a welcome here would read as if it had not.
            turn.Say(texts["closing.alreadySent"]);
            return true;
        }
        if (texts.Thanks.Matches(key))
        {
            turn.Say(texts["closing.thanks"]);
            if (asking)
            {
                turn.State.EndDialog();
            }
            return true;
        }
        if (texts.Acknowledge.Matches(key))
        {
            turn.Say(asking ? texts["communeHelp"] : texts["closing.thanks"], expectingInput: asking);
            return true;
        }
        return false;
    }

    /// <summary>The last survey here ended with its form sent, and nothing has been asked since.</summary>
    private static bool JustSent(TurnContext turn) => turn.State.Phase == Phase.Idle && turn.State.LastSurvey is { Sent: true };

    private async Task OnStartEventAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var value = ReadStartValue(turn.Activity.Value);
        if (value?.Link is null)
        {
            await starts.OpenAsync(turn, value?.Form ?? "", value?.CommuneId ?? "", value?.CaseCode, null, cancellationToken);
        }
        else if (value.Link.StartsWith(InvitationCodes.LinkPrefix, StringComparison.Ordinal))
        {
            var parts = value.Link[InvitationCodes.LinkPrefix.Length..].Split('/');
            if (parts is [var code, var signature] && codes.ReadSigned(code, signature) is { } genuine)
            {
                await starts.InvitationAsync(turn, InvitationCodes.StorageHash(genuine), stamps.ReadStamp(value.Stamp), cancellationToken);
            }
            else
            {
                turn.Say(texts["invitation.unknown"]);
            }
        }
        else if (links.Read(value.Link) is { } link)
        {
            // The desk poster's page: this conversation belongs to that commune from now on.
            turn.State.PageCommuneId = link.CommuneId;
            await starts.OpenAsync(turn, link.Form, link.CommuneId, value.CaseCode, stamps.ReadStamp(value.Stamp), cancellationToken);
        }
        else
        {
            // A hand-edited link: refused as a link to an unknown commune is.
            starts.AskForCommuneAgain(turn);
        }
    }

    private static StartSurveyValue? ReadStartValue(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }
        try
        {
            return element.Deserialize(BotJsonContext.Default.StartSurveyValue);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
