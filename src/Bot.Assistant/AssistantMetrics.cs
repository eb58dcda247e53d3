using System.Diagnostics.Metrics;

namespace Bot.Assistant;

/// <summary>
/// The assistant as metrics (meter "Bot.Assistant"): answers by kind, the model's token use, and
/// fallbacks to the offline answer by reason. Totals are also shown on /healthz.
/// </summary>
public sealed class AssistantMetrics : IDisposable
{
    public const string MeterName = "Bot.Assistant";

    private readonly Meter _meter;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _fallbacks;
    private readonly long[] _answerTotals = new long[Enum.GetValues<AnswerKind>().Length];
    private long _inputTokens;
    private long _outputTokens;
    private long _fallbackTotal;

    public AssistantMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _answers = _meter.CreateCounter<long>("bot.assistant.answers", description: "Questions answered, by kind (computed, retrieved, model, declined)");
        _tokens = _meter.CreateCounter<long>("bot.assistant.tokens", unit: "{token}", description: "Model tokens used, by direction (input, output)");
        _fallbacks = _meter.CreateCounter<long>("bot.assistant.model_fallbacks", description: "Model answers replaced by the offline one, by reason");
    }

    public AssistantTotals Totals => new(
        Interlocked.Read(ref _answerTotals[(int)AnswerKind.Computed]),
        Interlocked.Read(ref _answerTotals[(int)AnswerKind.Retrieved]),
        Interlocked.Read(ref _answerTotals[(int)AnswerKind.Model]),
        Interlocked.Read(ref _answerTotals[(int)AnswerKind.Declined]),
        Interlocked.Read(ref _fallbackTotal),
        Interlocked.Read(ref _inputTokens),
        Interlocked.Read(ref _outputTokens));

    public void OnAnswer(AnswerKind kind)
    {
        Interlocked.Increment(ref _answerTotals[(int)kind]);
        _answers.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString().ToLowerInvariant()));
    }

    public void OnTokens(int input, int output)
    {
        Interlocked.Add(ref _inputTokens, input);
        Interlocked.Add(ref _outputTokens, output);
        _tokens.Add(input, new KeyValuePair<string, object?>("direction", "input"));
        _tokens.Add(output, new KeyValuePair<string, object?>("direction", "output"));
    }

    public void OnFallback(string reason)
    {
        Interlocked.Increment(ref _fallbackTotal);
        _fallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    public void Dispose() => _meter.Dispose();
}

public sealed record AssistantTotals(long Computed, long Retrieved, long Model, long Declined, long ModelFallbacks, long InputTokens, long OutputTokens);
