using System.Security.Claims;

namespace Bot.Channels.DirectLine;

/// <summary>Who is calling: the holder of the secret (a commune's server), or the holder of a token for one conversation.</summary>
public sealed record DirectLineCaller(bool HasSecret, string? ConversationId, string? UserId)
{
    public const string SecretClaim = "directline/secret";
    public const string ConversationClaim = "directline/conversation";
    public const string UserClaim = "directline/user";

    /// <summary>Any valid secret or token.</summary>
    public const string Policy = "directline";

    /// <summary>The secret only: making tokens for new conversations.</summary>
    public const string SecretPolicy = "directline-secret";

    /// <summary>A conversation's token only: refreshing it.</summary>
    public const string TokenPolicy = "directline-token";

    /// <summary>A stream ticket, from the URL a conversation's start or reconnect gave.</summary>
    public const string StreamPolicy = "directline-stream";

    /// <summary>The secret opens every conversation; a token only its own.</summary>
    public bool MayUse(string conversationId) => HasSecret || ConversationId == conversationId;

    public static DirectLineCaller Of(ClaimsPrincipal user) =>
        new(user.HasClaim(SecretClaim, "true"), user.FindFirst(ConversationClaim)?.Value, user.FindFirst(UserClaim)?.Value);

}
