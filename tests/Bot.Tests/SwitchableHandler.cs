using System.Net;

namespace Bot.Tests;

/// <summary>
/// Sits in front of the scoring core: while Down, every call fails as if the core were unreachable;
/// while WritesDown, only the writes do (the core went away between a turn's read and its write).
/// </summary>
public sealed class SwitchableHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _calls;

    public bool Down { get; set; }

    public bool WritesDown { get; set; }

    public int FailedCalls => Volatile.Read(ref _calls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Down || (WritesDown && request.Method != HttpMethod.Get))
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }
        return base.SendAsync(request, cancellationToken);
    }
}
