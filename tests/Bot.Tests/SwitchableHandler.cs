using System.Net;

namespace Bot.Tests;

/// <summary>Sits in front of the scoring core: while Down, every call fails as if the core were unreachable.</summary>
public sealed class SwitchableHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _calls;

    public bool Down { get; set; }

    public int FailedCalls => Volatile.Read(ref _calls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Down)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }
        return base.SendAsync(request, cancellationToken);
    }
}
