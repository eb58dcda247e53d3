namespace Bot.Channels.BotFramework.Auth;

/// <summary>The claims the Bot Connector scheme puts on a caller, for <see cref="BotConnectorActivityCheck"/>.</summary>
public static class BotConnectorClaims
{
    public const string Unauthenticated = "botconnector/unauthenticated";
    public const string Source = "botconnector/source";
    public const string ServiceUrl = "botconnector/serviceurl";
    public const string Endorsement = "botconnector/endorsement";
    public const string AnyChannel = "botconnector/anychannel";
}
