using System.Text.Json;
using Bot.Activities;
using Bot.Dialogs;
using Bot.Hosting;
using Bot.State;
using Bot.Turns;
using Microsoft.Extensions.Options;
using Bot.Surveys.Invitations;

namespace Bot.Surveys;

/// <summary>
/// The bot's routes: a welcome when someone joins, "startSurvey" events from links and the web
/// page, and messages (the survey in progress, "khảo sát &lt;xã&gt;", or choosing a commune by name).
/// </summary>
public sealed class SurveyBot(
    SurveyEngine engine,
    SurveyStarts starts,
    BotTexts texts,
    ICommuneDirectory communes,
    SurveyLinks links,
    InvitationCodes codes,
    PageStamps stamps,
    IOptions<BotOptions> options) : ITurnHandler
{
    public const string StartSurveyEvent = "startSurvey";
    private const string DefaultForm = "citizen";

    /// <summary>The start event's link for an invitation page: "i/{code}/{signature}".</summary>
    public const string InvitationLinkPrefix = "i/";

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (IsGroup(turn.Activity.Conversation))
        {
            OnGroupChat(turn);
            return;
        }
        var returning = CheckGap(turn);
        switch (turn.Activity.Type)
        {
            case ActivityTypes.ConversationUpdate:
                OnMembersAdded(turn);
                break;
            case ActivityTypes.Event when turn.Activity.Name == StartSurveyEvent:
                await OnStartEventAsync(turn, ReadStartValue(turn.Activity.Value), cancellationToken);
                break;
            case ActivityTypes.Message:
                await OnMessageAsync(turn, returning, cancellationToken);
                break;
        }
        turn.State.UpdatedAt = turn.Now;
    }

    /// <summary>A survey left longer than the resume window starts afresh; a shorter gap is a return.</summary>
    private bool CheckGap(TurnContext turn)
    {
        if (turn.State.Phase != Phases.Survey || turn.State.UpdatedAt is not { } last)
        {
            return false;
        }
        var gap = turn.Now - last;
        if (gap > options.Value.ResumeWindow)
        {
            turn.State.Phase = Phases.Idle;
            turn.State.Survey = null;
            return false;
        }
        return gap >= options.Value.ResumeNoticeAfter;
    }

    /// <summary>Answers are private: a group chat or Teams channel gets a polite note, once when the bot joins and on each message.</summary>
    public static bool IsGroup(ConversationAccount? conversation) =>
        conversation?.IsGroup == true || conversation?.ConversationType is "groupChat" or "channel";

    private void OnGroupChat(TurnContext turn)
    {
        var botJoined = turn.Activity.MembersAdded?.Any(m => m.Id == turn.Activity.Recipient?.Id) == true;
        if (turn.Activity.Type == ActivityTypes.Message || botJoined)
        {
            turn.Say(texts["groupChat"]);
        }
    }

    /// <summary>
    /// Someone joined: Web Chat and Direct Line add the user; Teams adds only the bot, when a
    /// person installs it in their one-to-one chat.
    /// </summary>
    private void OnMembersAdded(TurnContext turn)
    {
        var botId = turn.Activity.Recipient?.Id;
        var added = turn.Activity.MembersAdded ?? [];
        var personJoined = added.Any(m => m.Id != botId)
            || (turn.Activity.Conversation?.ConversationType == "personal" && added.Any(m => m.Id == botId));
        if (!personJoined)
        {
            return;
        }
        if (turn.State.Phase == Phases.Survey)
        {
            turn.Say(texts["resumed"]);
            engine.PromptCurrent(turn);
            return;
        }
        turn.Say(texts["welcome"]);
        turn.State.Phase = Phases.AskingCommune;
    }

    private async Task OnMessageAsync(TurnContext turn, bool returning, CancellationToken cancellationToken)
    {
        var text = TextNormalizer.Nfc(turn.Activity.Text);
        if (text.Length > options.Value.MaxTextLength)
        {
            turn.Say(texts.Format("tooLong", ("max", options.Value.MaxTextLength)));
            return;
        }
        var key = TextNormalizer.Key(text);
        if (CardAnswer.Read(turn.Activity.Value) is { Prompt: { } prompt } && prompt != turn.State.PromptKey)
        {
            // A click on a card whose question has been answered since: it must not answer the question asked now.
            turn.Say(texts["card.stale"]);
            if (turn.State.Phase == Phases.Survey)
            {
                engine.PromptCurrent(turn);
            }
            return;
        }
        if (links.FindIn(text) is { } link)
        {
            await starts.OpenAsync(turn, link.Form, link.CommuneId, null, null, cancellationToken);
        }
        else if ((codes.FindIn(text) ?? InvitationCodes.Normalise(texts.Survey.RestOf(text))) is { } code)
        {
            // "khảo sát K7M2-QX9P" or a shared invitation page: on any channel, even mid-survey.
            await starts.InvitationAsync(turn, InvitationCodes.StorageHash(code), cancellationToken);
        }
        else if (turn.State.Phase == Phases.Survey)
        {
            if (returning)
            {
                turn.Say(texts["resumed"]);
            }
            engine.Continue(turn, text, returning);
        }
        else if (texts.Survey.RestOf(text) is { Length: > 0 } commune)
        {
            await starts.OpenAsync(turn, DefaultForm, commune, null, null, cancellationToken);
        }
        else if (texts.Restart.Matches(key) && turn.State.LastSurvey is { } last)
        {
            await (last.InvitationHash is { } invitation
                ? starts.InvitationAsync(turn, invitation, cancellationToken)
                : starts.OpenAsync(turn, last.DialogId, last.CommuneId, last.CaseCode, null, cancellationToken));
        }
        else if (turn.State.Phase == Phases.AskingCommune && key.Length > 0 && !texts.Greeting.Matches(key))
        {
            await ChooseCommuneAsync(turn, text, cancellationToken);
        }
        else
        {
            turn.Say(texts["welcome"]);
            turn.State.Phase = Phases.AskingCommune;
        }
    }

    private async Task OnStartEventAsync(TurnContext turn, StartSurveyValue? value, CancellationToken cancellationToken)
    {
        if (value?.Link is null)
        {
            await starts.OpenAsync(turn, value?.Form ?? "", value?.CommuneId ?? "", value?.CaseCode, null, cancellationToken);
        }
        else if (value.Link.StartsWith(InvitationLinkPrefix, StringComparison.Ordinal))
        {
            var parts = value.Link[InvitationLinkPrefix.Length..].Split('/');
            if (parts is [var code, var signature] && codes.ReadSigned(code, signature) is { } genuine)
            {
                await starts.InvitationAsync(turn, InvitationCodes.StorageHash(genuine), cancellationToken);
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

    private async Task ChooseCommuneAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        var matches = await communes.SearchAsync(text, cancellationToken);
        switch (matches.Count)
        {
            case 0:
                turn.Say(texts.Format("communeNotFound", ("text", text)), expectingInput: true);
                break;
            case 1:
                await starts.OpenAsync(turn, DefaultForm, matches[0].Id, null, null, cancellationToken);
                break;
            default:
                turn.Say(texts["communeChoose"], matches.Select(c => CardAction.ImBack(c.Name, $"{texts.Survey.Canonical} {c.Id}")).ToList(), expectingInput: true);
                break;
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
