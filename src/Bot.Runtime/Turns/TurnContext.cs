using Bot.Activities;
using Bot.State;

namespace Bot.Turns;

/// <summary>
/// One turn: the inbound activity, the conversation's state, the replies, buffered until the state
/// is saved, and the writes the turn wants carried out after that save (<see cref="AfterSave"/>).
/// </summary>
public sealed class TurnContext(Activity activity, ConversationData state, DateTimeOffset now)
{
    private readonly List<Activity> _replies = [];
    private readonly List<Activity> _closing = [];
    private readonly List<Func<CancellationToken, Task>> _afterSave = [];
    private readonly HashSet<object> _stagedFor = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Type, object> _memos = [];

    public Activity Activity { get; } = activity;
    public ConversationData State { get; } = state;
    public DateTimeOffset Now { get; } = now;
    public IReadOnlyList<Activity> Replies => _replies;

    /// <summary>A finished form to store with this turn's state, if the turn finished one.</summary>
    public CompletedForm? Completion { get; set; }

    /// <summary>What to say instead of the turn's replies if the save finds the form's invitation already used.</summary>
    public Activity? FormAlreadyGivenReply { get; set; }

    public string ChannelId => Activity.ChannelId ?? "";

    /// <summary>The message's text in Unicode NFC, as the text middleware read it; "" for other activities.</summary>
    public string Text { get; set; } = "";

    /// <summary>The person comes back to a survey after a pause (set by the resume middleware).</summary>
    public bool Returning { get; set; }

    /// <summary>The name of the route that owns the turn, once one does.</summary>
    public string? Route { get; set; }

    /// <summary>
    /// Something worked out once per run of the turn (the command the text reads as, the sender's
    /// enrolment), shared by the selectors and the handler that ask for it.
    /// </summary>
    public T Memo<T>(Func<T> create) where T : class
    {
        if (!_memos.TryGetValue(typeof(T), out var value))
        {
            value = create();
            _memos[typeof(T)] = value;
        }
        return (T)value;
    }

    /// <summary>The user as this channel knows them: the unit of "one form per person".</summary>
    public string UserKey => $"{ChannelId}:{Activity.From?.Id}";

    /// <summary>
    /// A write this turn decided on (redeeming a code, a decision sent to the scoring core), carried
    /// out once the turn's state is saved, in the order staged, so a turn rerun after losing the
    /// compare-and-swap never does it twice. The effect reads what it needs afresh and may add
    /// replies; it must not change <see cref="State"/>, which is already saved.
    /// </summary>
    public void AfterSave(Func<CancellationToken, Task> effect) => _afterSave.Add(effect);

    /// <summary>
    /// Stages <paramref name="effect"/> unless one is already staged for <paramref name="subject"/>
    /// this turn: a turn that changes the same draft twice writes it once, as the turn leaves it
    /// (the effect reads the subject when it runs). False when one was already staged.
    /// </summary>
    public bool AfterSaveOnce(object subject, Func<CancellationToken, Task> effect)
    {
        if (!_stagedFor.Add(subject))
        {
            return false;
        }
        AfterSave(effect);
        return true;
    }

    /// <summary>
    /// What <paramref name="say"/> says closes the turn: it is sent after what the writes after the
    /// save say, so the question the conversation goes back to is the last thing the person reads.
    /// </summary>
    public async Task SayClosingAsync(Func<Task> say)
    {
        var from = _replies.Count;
        await say();
        _closing.AddRange(_replies.Skip(from));
        _replies.RemoveRange(from, _replies.Count - from);
    }

    /// <summary>Carries out the staged writes, then adds the closing replies; called by the pipeline after the save, never by a handler.</summary>
    internal async Task RunAfterSaveAsync(CancellationToken cancellationToken)
    {
        foreach (var effect in _afterSave)
        {
            await effect(cancellationToken);
        }
        _replies.AddRange(_closing);
        _closing.Clear();
    }

    public void Say(string text, IReadOnlyList<CardAction>? buttons = null, bool expectingInput = false)
    {
        var reply = Activity.CreateReply(text);
        if (buttons is { Count: > 0 })
        {
            reply.SuggestedActions = new SuggestedActions(buttons);
        }
        reply.InputHint = expectingInput ? InputHints.Expecting : InputHints.Accepting;
        if (expectingInput)
        {
            State.PromptKey = CardAnswer.KeyOf(text);
        }
        _replies.Add(reply);
    }
}
