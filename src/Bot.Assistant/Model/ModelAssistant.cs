using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Identity;
using Bot.Assistant.Knowledge;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace Bot.Assistant.Model;

/// <summary>
/// Free-form answers from an Azure OpenAI deployment through the official OpenAI client and the v1
/// endpoint, with a key or with Microsoft Entra tokens (<see cref="AzureOpenAIOptions.UseEntraId"/>). Any timeout, error or rejected reply returns null, and the caller gives the offline
/// answer: a commune without a network, or with a slow one, still gets its answer.
/// </summary>
public sealed partial class ModelAssistant
{
    private readonly AzureOpenAIOptions _options;
    private readonly ChatClient? _chat;
    private readonly GroundedPrompt _prompt;
    private readonly AnswerGuard _guard;
    private readonly AssistantMetrics _metrics;
    private readonly ILogger<ModelAssistant> _logger;

    /// <summary>The pooled HTTP client the model is called through (so its calls are traced like every other).</summary>
    public const string HttpClientName = "AzureOpenAI";

    public ModelAssistant(
        IOptions<AzureOpenAIOptions> options, IHttpClientFactory http, GroundedPrompt prompt, AnswerGuard guard, AssistantMetrics metrics, ILogger<ModelAssistant> logger)
    {
        _options = options.Value;
        _prompt = prompt;
        _guard = guard;
        _metrics = metrics;
        _logger = logger;
        if (_options.IsConfigured)
        {
            var clientOptions = new OpenAIClientOptions
            {
                Endpoint = _options.Endpoint,
                // One try within the time limit: a retry would only spend the commune's wait.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                // A little past our own limit, so the cancellation below is what ends a slow call.
                NetworkTimeout = TimeSpan.FromSeconds(_options.TimeoutSeconds + 1),
                Transport = new HttpClientPipelineTransport(http.CreateClient(HttpClientName)),
            };
            // The client's constructor for a token policy is marked for evaluation (OPENAI001); it is how
            // the OpenAI library takes Entra tokens, and what Azure.AI.OpenAI does inside (decision 017).
#pragma warning disable OPENAI001
            _chat = _options.UseEntraId
                ? new ChatClient(_options.Deployment, new BearerTokenPolicy(new DefaultAzureCredential(), AzureOpenAIOptions.EntraScope), clientOptions)
                : new ChatClient(_options.Deployment, new ApiKeyCredential(_options.ApiKey), clientOptions);
#pragma warning restore OPENAI001
        }
    }

    public bool IsConfigured => _chat is not null;

    public async Task<AssistantAnswer?> TryAnswerAsync(
        Question question, IReadOnlyList<SearchHit> hits, string? permitted, IEnumerable<string> forbiddenNames, CancellationToken cancellationToken)
    {
        if (_chat is null)
        {
            return null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            var options = new ChatCompletionOptions { MaxOutputTokenCount = _options.MaxOutputTokens };
            ChatCompletion completion = await _chat.CompleteChatAsync(_prompt.Build(question, hits, permitted), options, timeout.Token);
            if (completion.Usage is { } usage)
            {
                _metrics.OnTokens(usage.InputTokenCount, usage.OutputTokenCount);
            }
            var verdict = _guard.Check(string.Concat(completion.Content.Select(part => part.Text)), hits, forbiddenNames);
            if (verdict.Answer is null)
            {
                LogRejected(verdict.Reason!);
                _metrics.OnFallback("guard");
            }
            return verdict.Answer;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimeout(_options.TimeoutSeconds);
            _metrics.OnFallback("timeout");
            return null;
        }
        catch (ClientResultException e)
        {
            LogFailed(e.Status);
            _metrics.OnFallback("error");
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            LogUnreadable(e.GetType().Name);
            _metrics.OnFallback("error");
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model gave no answer within {Seconds} s; the offline answer was given")]
    private partial void LogTimeout(double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model endpoint answered {Status}; the offline answer was given")]
    private partial void LogFailed(int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model call failed ({Error}); the offline answer was given")]
    private partial void LogUnreadable(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A model reply was rejected ({Reason}); the offline answer was given")]
    private partial void LogRejected(string reason);
}
