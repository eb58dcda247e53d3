namespace TestSupport;

/// <summary>
/// Sends every request to a local fake instead of the real host, keeping path and query: for
/// clients that insist on an https authority (MSAL) while the fake listens on loopback http.
/// </summary>
public sealed class RedirectHandler(Uri target) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
