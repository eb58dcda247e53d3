namespace Bot.Channels.DirectLine;

/// <summary>Who is calling: the holder of the secret (a commune's server), or the holder of a token for one conversation.</summary>
public sealed record DirectLineCaller(bool HasSecret, TokenClaims? Token)
{
    /// <summary>The secret opens every conversation; a token only its own.</summary>
    public bool MayUse(string conversationId) => HasSecret || Token?.Conv == conversationId;
}

public static class DirectLineAuth
{
    /// <summary>
    /// Reads "Authorization: Bearer …" (or, for the pre-authorised stream URL, the stream ticket in "t").
    /// No credential at all is 401; a wrong, forged or expired one is 403, which Web Chat reads as
    /// "token expired".
    /// </summary>
    public static (DirectLineCaller? Caller, IResult? Refusal) Authenticate(HttpRequest request, DirectLineTokens tokens, bool allowQueryToken = false)
    {
        if (allowQueryToken)
        {
            var ticket = request.Query["t"].ToString();
            return ticket.Length == 0 ? (null, DirectLineProblems.Unauthorized())
                : tokens.Read(ticket, DirectLineTokens.StreamScope) is { } stream ? (new DirectLineCaller(false, stream), null)
                : (null, DirectLineProblems.Forbidden());
        }
        var presented = Bearer(request);
        if (string.IsNullOrEmpty(presented))
        {
            return (null, DirectLineProblems.Unauthorized());
        }
        if (tokens.IsSecret(presented))
        {
            return (new DirectLineCaller(true, null), null);
        }
        return tokens.Read(presented) is { } claims
            ? (new DirectLineCaller(false, claims), null)
            : (null, DirectLineProblems.Forbidden());
    }

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
