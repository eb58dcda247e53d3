using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using TestSupport;

namespace Bot.Benchmark;

/// <summary>
/// Virtual Direct Line users, as Web Chat behaves: a token from the secret, a conversation, the
/// WebSocket stream, then a whole citizen survey, each answer timed from the POST until the next
/// question arrives on the socket. Each survey is a new conversation, as each citizen is, so a
/// survey is 12 bot turns: the welcome when the user joins, and the 11 answers.
/// </summary>
internal sealed class DirectLineLoadGenerator(Uri bot, int users)
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = users * 2 }) { BaseAddress = bot };

    public Task<LoadResult> RunAsync(TimeSpan duration) => LoadRun.RunAsync(users, duration, async tally =>
    {
        await using var survey = await SurveyConnection.OpenAsync(_http);
        // The welcome: the bot's turn for the user joining, counted as a turn but not timed.
        await survey.NextBotMessageAsync(replyTo: null);
        tally.Turns++;
        foreach (var (say, expect) in LoadGenerator.Script)
        {
            var started = Stopwatch.GetTimestamp();
            var id = await survey.SayAsync(say);
            var asExpected = await survey.NextBotMessageAsync(replyTo: id, expect);
            tally.Latencies.Add(Stopwatch.GetTimestamp() - started);
            tally.Turns++;
            tally.Mismatches += asExpected ? 0 : 1;
        }
    });

    /// <summary>One conversation: its token, and its socket read into a queue of bot messages.</summary>
    private sealed class SurveyConnection : IAsyncDisposable
    {
        private readonly HttpClient _http;
        private readonly ClientWebSocket _socket = new();
        private readonly Channel<JsonElement> _botMessages = Channel.CreateUnbounded<JsonElement>();
        private string _token = "";
        private string _conversationId = "";
        private Task _reading = Task.CompletedTask;

        private SurveyConnection(HttpClient http) => _http = http;

        public static async Task<SurveyConnection> OpenAsync(HttpClient http)
        {
            var connection = new SurveyConnection(http);
            using var generate = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/generate");
            generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BotHost.DirectLineSecret);
            using var generated = await http.SendAsync(generate);
            connection._token = (await generated.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            using var start = connection.Request(HttpMethod.Post, "v3/directline/conversations");
            using var started = await http.SendAsync(start);
            var conversation = await started.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            connection._conversationId = conversation.GetProperty("conversationId").GetString()!;
            await connection._socket.ConnectAsync(new Uri(conversation.GetProperty("streamUrl").GetString()!), CancellationToken.None);
            connection._reading = connection.ReadAsync();
            return connection;
        }

        public async Task<string> SayAsync(string text)
        {
            using var request = Request(HttpMethod.Post, $"v3/directline/conversations/{_conversationId}/activities");
            // Written by hand: the load generator shares the machine with the bot, so it should spend little.
            request.Content = new StringContent($$"""{"type":"message","text":{{JsonSerializer.Serialize(text)}}}""", Encoding.UTF8, "application/json");
            using var response = await _http.SendAsync(request);
            return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        /// <summary>Reads bot messages until the last reply to <paramref name="replyTo"/> (the one expecting input, or the thanks); true when it holds the expected words.</summary>
        public async Task<bool> NextBotMessageAsync(string? replyTo, string? expect = null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                var message = await _botMessages.Reader.ReadAsync(timeout.Token);
                var text = message.GetProperty("text").GetString()!;
                if (replyTo is null)
                {
                    return true;
                }
                if (message.TryGetProperty("replyToId", out var to) && to.GetString() == replyTo && text.Contains(expect!, StringComparison.Ordinal))
                {
                    return true;
                }
                if (!message.TryGetProperty("replyToId", out to) || to.GetString() != replyTo)
                {
                    return false;
                }
            }
        }

        private HttpRequestMessage Request(HttpMethod method, string path)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            return request;
        }

        private async Task ReadAsync()
        {
            await ActivitySets.ReadAllAsync(_socket, set =>
            {
                foreach (var activity in set.GetProperty("activities").EnumerateArray())
                {
                    if (activity.GetProperty("from").GetProperty("role").GetString() == "bot")
                    {
                        _botMessages.Writer.TryWrite(activity.Clone());
                    }
                }
            });
            _botMessages.Writer.TryComplete();
        }

        public async ValueTask DisposeAsync()
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            }
            await _reading;
            _socket.Dispose();
        }
    }
}
