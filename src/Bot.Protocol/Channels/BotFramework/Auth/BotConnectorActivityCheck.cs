using System.Security.Claims;
using Bot.Activities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Bot.Channels.BotFramework.Auth;

/// <summary>The activity a Bot Connector caller sent must be one its token vouches for (resource-based authorization).</summary>
public sealed class ActivityFromTokenRequirement : IAuthorizationRequirement;

/// <summary>
/// Holds a read activity to the caller's token, as the SDK's adapter does: the key endorsed for the
/// activity's channel, the serviceurl claim equal to the activity's serviceUrl, and that serviceUrl's
/// host on the allow-list (so no token is fetched for, nor a reply sent to, a host we do not know).
/// </summary>
public sealed partial class BotConnectorActivityCheck(IOptions<BotFrameworkOptions> options, ILogger<BotConnectorActivityCheck> log)
    : AuthorizationHandler<ActivityFromTokenRequirement, Activity>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ActivityFromTokenRequirement requirement, Activity activity)
    {
        var refusal = Refusal(context.User, activity, options.Value);
        if (refusal is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            LogRefused(activity.ChannelId, refusal);
        }
        return Task.CompletedTask;
    }

    private static string? Refusal(ClaimsPrincipal caller, Activity activity, BotFrameworkOptions settings)
    {
        if (caller.HasClaim(BotConnectorClaims.Unauthenticated, "true"))
        {
            return null;
        }
        if (!caller.HasClaim(BotConnectorClaims.AnyChannel, "true") && !string.IsNullOrEmpty(activity.ChannelId)
            && !caller.HasClaim(BotConnectorClaims.Endorsement, activity.ChannelId))
        {
            return "key not endorsed for the channel";
        }
        if (caller.FindFirst(BotConnectorClaims.ServiceUrl) is not { } serviceUrl)
        {
            return null; // an Emulator token: the Emulator is not a channel with a serviceurl claim
        }
        if (!string.Equals(serviceUrl.Value, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "serviceurl claim does not match the activity";
        }
        return settings.IsAllowedServiceUrl(activity.ServiceUrl) ? null : "serviceUrl host not on the allow-list";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Bot Connector request on channel {ChannelId}: {Reason}")]
    private partial void LogRefused(string? channelId, string reason);
}
