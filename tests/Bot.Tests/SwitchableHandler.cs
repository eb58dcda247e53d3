using System.Net;

namespace Bot.Tests;

/// <summary>
/// Sits in front of the scoring core: while Down, every call fails as if the core were unreachable;
/// while WritesDown, only the writes do (the core went away between a turn's read and its write);
/// after FailNext(n), the next n calls do; after HoldWrites(), writes wait at the door until ReleaseWrites().
/// </summary>
public sealed class SwitchableHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _calls;
    private int _failNext;
    private int _writesPassed;
    private int _writesHeld;
    private TaskCompletionSource? _gate;

    public bool Down { get; set; }

    public bool WritesDown { get; set; }

    public int FailedCalls => Volatile.Read(ref _calls);

    /// <summary>Writes (anything but a GET) that reached the core.</summary>
    public int WritesPassed => Volatile.Read(ref _writesPassed);

    /// <summary>The next <paramref name="calls"/> calls fail as if the core were unreachable, then it answers again.</summary>
    public void FailNext(int calls) => Volatile.Write(ref _failNext, calls);

    /// <summary>Writes waiting at the door now.</summary>
    public int WritesHeld => Volatile.Read(ref _writesHeld);

    public void HoldWrites() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseWrites() => Interlocked.Exchange(ref _gate, null)?.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get && _gate is { } gate)
        {
            Interlocked.Increment(ref _writesHeld);
            try
            {
                await gate.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _writesHeld);
            }
        }
        if (Down || (WritesDown && request.Method != HttpMethod.Get) || Interlocked.Decrement(ref _failNext) >= 0)
        {
            Interlocked.Increment(ref _calls);
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        }
        if (request.Method != HttpMethod.Get)
        {
            Interlocked.Increment(ref _writesPassed);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
