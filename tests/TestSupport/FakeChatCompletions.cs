using System.Security.Cryptography.X509Certificates;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TestSupport;

/// <summary>
/// An Azure OpenAI v1 endpoint on loopback: POST /openai/v1/chat/completions in the real wire
/// format (a chat.completion object with choices and usage; errors as {"error":{...}} with the
/// HTTP status). It keeps every request body, and answers what the test scripts: a reply, a delay
/// longer than the caller waits, or an error status. Tokens are counted as one per four characters.
/// </summary>
public sealed class FakeChatCompletions : LoopbackFake
{
    public const string ApiKey = "azure-openai-key-for-tests";

    /// <summary>What the App Service managed-identity endpoint checks (X-IDENTITY-HEADER) and hands out, as Azure sets them for an app.</summary>
    public const string IdentityHeader = "identity-header-for-tests";
    public const string EntraToken = "entra-token-for-azure-openai-tests";

    /// <summary>The managed-identity token endpoint (IDENTITY_ENDPOINT), on the same loopback server.</summary>
    public Uri IdentityEndpoint => new(BaseUrl + "msi/token");

    /// <summary>The resource each token was asked for.</summary>
    public ConcurrentQueue<string> TokenResources { get; } = new();

    private FakeChatCompletions(WebApplication app, X509Certificate2? certificate)
        : base(app)
    {
        Certificate = certificate;
    }

    /// <summary>The fake's TLS certificate when it serves HTTPS (Entra tokens are only ever sent over TLS); null over plain HTTP.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>The endpoint to configure as AzureOpenAI:Endpoint.</summary>
    public Uri Endpoint => new(BaseUrl + "openai/v1/");

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>What the model says next; by default a grounded answer citing 1.4.</summary>
    public Func<JsonObject, string> Reply { get; set; } = _ => "Theo mục [1.4], cán bộ tại Bộ phận tiếp nhận và trả kết quả phải có năng lực và kỹ năng giao tiếp, ứng xử.";

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>Answer with this status and an error body instead of a completion (0 = normal service).</summary>
    public int ErrorStatus { get; set; }

    /// <summary>Starts the fake; <paramref name="https"/> serves it over TLS with a throwaway certificate.</summary>
    public static async Task<FakeChatCompletions> StartAsync(bool https = false)
    {
        var certificate = https ? LoopbackCertificate() : null;
        var app = NewApp(certificate);
        var fake = new FakeChatCompletions(app, certificate);
        app.MapPost("/openai/v1/chat/completions", fake.CompleteAsync);
        app.MapGet("/msi/token", fake.IssueToken);
        await app.StartAsync();
        return fake;
    }

    private async Task<IResult> CompleteAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = (await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken))!.AsObject();
        Requests.Enqueue(body);
        Authorizations.Enqueue(request.Headers.Authorization.ToString());
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }
        if (ErrorStatus != 0)
        {
            return Results.Json(new { error = new { code = ErrorStatus.ToString(System.Globalization.CultureInfo.InvariantCulture), message = "The fake was told to fail." } }, statusCode: ErrorStatus);
        }
        if (request.Headers.Authorization.ToString() is not ("Bearer " + ApiKey or "Bearer " + EntraToken))
        {
            return Results.Json(new { error = new { code = "401", message = "Access denied due to invalid subscription key or wrong API endpoint." } }, statusCode: 401);
        }
        var content = Reply(body);
        var promptTokens = body["messages"]!.AsArray().Sum(m => Text(m!["content"]).Length / 4);
        var completionTokens = content.Length / 4;
        return Results.Text(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-" + Guid.NewGuid().ToString("N"),
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model = body["model"]?.ToString(),
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
        }), "application/json");
    }

    /// <summary>
    /// App Service's managed-identity endpoint (api-version 2019-08-01), as Azure.Identity calls it
    /// when IDENTITY_ENDPOINT and IDENTITY_HEADER are set: the resource in the query, the header's
    /// secret, a bearer token with its expiry in Unix seconds.
    /// </summary>
    private IResult IssueToken(HttpRequest request)
    {
        if (request.Headers["X-IDENTITY-HEADER"].ToString() != IdentityHeader)
        {
            return Results.Json(new { statusCode = 401, message = "Unauthorized: missing or wrong X-IDENTITY-HEADER." }, statusCode: 401);
        }
        var resource = request.Query["resource"].ToString();
        TokenResources.Enqueue(resource);
        return Results.Json(new
        {
            access_token = EntraToken,
            expires_on = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            resource,
            token_type = "Bearer",
            client_id = "00000000-0000-0000-0000-0000000000aa",
        });
    }

    /// <summary>The user message of a request: passages, the asker's data and the fenced question.</summary>
    public static string UserContent(JsonObject request) =>
        Text(request["messages"]!.AsArray().Last(m => m!["role"]!.ToString() == "user")!["content"]);

    public static string SystemContent(JsonObject request) =>
        Text(request["messages"]!.AsArray().First(m => m!["role"]!.ToString() == "system")!["content"]);

    /// <summary>A message's content: a string, or an array of parts of which the text ones count.</summary>
    public static string Text(JsonNode? content) => content switch
    {
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.ToString())),
        null => "",
        _ => content.ToString(),
    };
}
