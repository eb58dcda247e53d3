using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ScoringCore.Hosting;

namespace ScoringCore.Api;

/// <summary>Every /api/v1 call carries X-Api-Key matching one of ScoringCore:ApiKeys; otherwise 401.</summary>
public sealed class ApiKeyFilter(IOptions<ScoringCoreOptions> options, ApiProblems problems) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    private readonly byte[][] _keys = options.Value.ApiKeys.Select(Encoding.UTF8.GetBytes).ToArray();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[Header].ToString();
        if (presented.Length > 0 && Matches(Encoding.UTF8.GetBytes(presented)))
        {
            return await next(context);
        }
        return problems.ToResult(problems.Error(401, Header, "auth.apiKey"));
    }

    // Constant-time per key, so response timing does not reveal how much of a key was right.
    private bool Matches(byte[] presented) =>
        _keys.Aggregate(false, (found, key) => CryptographicOperations.FixedTimeEquals(key, presented) | found);
}
