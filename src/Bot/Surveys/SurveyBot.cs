using System.Text.Json;
using Bot.Activities;
using Bot.Dialogs;
using Bot.Hosting;
using Bot.State;
using Bot.Turns;
using Microsoft.Extensions.Options;
using Scoring.Rules;
using Scoring.Scheme;

namespace Bot.Surveys;

/// <summary>
/// The bot's routes: a welcome when someone joins, "startSurvey" events from links and the web
/// page, and messages (the survey in progress, "khảo sát &lt;xã&gt;", or choosing a commune by name).
/// </summary>
public sealed class SurveyBot(
    ScoringRules rules,
    SurveyEngine engine,
    BotTexts texts,
    ICommuneDirectory communes,
    ICompletionRegistry completions,
    SurveyLinks links,
    IOptions<BotOptions> options) : ITurnHandler
{
    public const string StartSurveyEvent = "startSurvey";
    private const string DefaultForm = "citizen";
    private const int MaxCaseCode = 64;

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
            await StartAsync(turn, link.Form, link.CommuneId, null, cancellationToken);
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
            await StartAsync(turn, DefaultForm, commune, null, cancellationToken);
        }
        else if (texts.Restart.Matches(key) && turn.State.LastSurvey is { } last)
        {
            await StartAsync(turn, last.DialogId, last.CommuneId, last.CaseCode, cancellationToken);
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
            await StartAsync(turn, value?.Form ?? "", value?.CommuneId ?? "", value?.CaseCode, cancellationToken);
        }
        else if (links.Read(value.Link) is { } link)
        {
            await StartAsync(turn, link.Form, link.CommuneId, value.CaseCode, cancellationToken);
        }
        else
        {
            // A hand-edited link: refused as a link to an unknown commune is.
            AskForCommuneAgain(turn);
        }
    }

    /// <summary>A link that names no commune we know: refused politely, and the person can still name their commune.</summary>
    private void AskForCommuneAgain(TurnContext turn)
    {
        turn.Say(texts["unknownCommuneId"], expectingInput: true);
        turn.State.Phase = Phases.AskingCommune;
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
                await StartAsync(turn, DefaultForm, matches[0].Id, null, cancellationToken);
                break;
            default:
                turn.Say(texts["communeChoose"], matches.Select(c => CardAction.ImBack(c.Name, $"{texts.Survey.Canonical} {c.Id}")).ToList(), expectingInput: true);
                break;
        }
    }

    private async Task StartAsync(TurnContext turn, string form, string communeId, string? caseCode, CancellationToken cancellationToken)
    {
        var dialog = rules.Scheme.Surveys.Values.FirstOrDefault(d => d.Form == form || d.Id == form);
        if (dialog is null)
        {
            turn.Say(texts["unknownForm"]);
            return;
        }
        var commune = await communes.FindAsync(communeId, cancellationToken);
        if (commune is null)
        {
            AskForCommuneAgain(turn);
            return;
        }
        var year = turn.Now.ToOffset(rules.Calendar.Offset).Year;
        if (!rules.IsSchemeYear(year))
        {
            turn.Say(texts["outsideScheme"]);
            return;
        }
        if (turn.State is { Phase: Phases.Survey, Survey: { } current } && current.DialogId == dialog.Id && current.CommuneId == commune.Id)
        {
            turn.Say(texts["resumed"]);
            engine.PromptCurrent(turn);
            return;
        }
        if (await completions.IsCompletedAsync(dialog.Form, commune.Id, year, turn.UserKey))
        {
            turn.Say(texts.Format("alreadyCompleted", ("communeName", commune.Name), ("year", year)));
            turn.State.Phase = Phases.Ended;
            turn.State.Survey = null;
            return;
        }
        engine.Begin(turn, dialog, commune.Id, commune.Name, CleanCaseCode(caseCode), year);
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

    // A case code (mã hồ sơ) is only a reference; anything odd is dropped rather than stored.
    private static string? CleanCaseCode(string? caseCode) =>
        caseCode is { Length: > 0 and <= MaxCaseCode } && caseCode.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/') ? caseCode : null;
}
