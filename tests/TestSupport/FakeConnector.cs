using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TestSupport;

/// <summary>
/// A Bot Connector service on loopback speaking the real REST shape: it accepts
/// POST /v3/conversations/{id}/activities[/{replyToId}] and PUT …/activities/{id}, and answers {"id": "..."}.
/// </summary>
public sealed class FakeConnector : LoopbackFake
{
    private long _posted;

    private FakeConnector(WebApplication app)
        : base(app)
    {
    }

    public ConcurrentQueue<(string Path, string ConversationHeader, JsonElement Body)> Received { get; } = new();

    /// <summary>The body of every POST as sent, for what parsing hides (how text was escaped).</summary>
    public ConcurrentQueue<string> RawBodies { get; } = new();

    /// <summary>The Authorization header of every call ("" when none), in arrival order.</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>PUT …/activities/{id}: activities the bot replaced (answered cards).</summary>
    public ConcurrentQueue<(string ActivityId, JsonElement Body)> Updates { get; } = new();

    /// <summary>The same activities grouped by conversation, for a load generator that checks each user's replies.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<JsonElement>> ByConversation { get; } = new(StringComparer.Ordinal);

    /// <summary>When false, only <see cref="ByConversation"/> is kept (a long benchmark would otherwise grow <see cref="Received"/> without end).</summary>
    public bool KeepAll { get; set; } = true;

    public string ServiceUrl => BaseUrl;

    /// <summary>Activities POSTed so far: each is an HTTP call the bot makes, so a benchmark reports them per turn.</summary>
    public long Posted => Interlocked.Read(ref _posted);

    public static async Task<FakeConnector> StartAsync()
    {
        var app = NewApp();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{**replyToId}", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref connector._posted);
            if (connector.KeepAll)
            {
                request.EnableBuffering();
            }
            using var document = await JsonDocument.ParseAsync(request.Body);
            var body = document.RootElement.Clone();
            var conversation = request.Headers["x-ms-conversation-id"].ToString();
            if (connector.KeepAll)
            {
                request.Body.Position = 0;
                using var raw = new StreamReader(request.Body, leaveOpen: true);
                connector.RawBodies.Enqueue(await raw.ReadToEndAsync());
                connector.Authorizations.Enqueue(request.Headers.Authorization.ToString());
                connector.Received.Enqueue((request.Path.Value!, conversation, body));
            }
            connector.ByConversation.GetOrAdd(conversation, _ => new ConcurrentQueue<JsonElement>()).Enqueue(body);
            // A ResourceResponse, as the real service answers.
            return Results.Text($$"""{"id":"{{Guid.NewGuid():N}}"}""", "application/json");
        });
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", async (string activityId, HttpRequest request) =>
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            connector.Authorizations.Enqueue(request.Headers.Authorization.ToString());
            connector.Updates.Enqueue((activityId, document.RootElement.Clone()));
            return Results.Text($$"""{"id":"{{activityId}}"}""", "application/json");
        });
        await app.StartAsync();
        return connector;
    }
}
