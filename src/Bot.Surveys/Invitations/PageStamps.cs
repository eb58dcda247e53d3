using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Surveys.Invitations;

/// <summary>
/// What the open survey page tells the bot about where it runs, signed so a page cannot invent
/// it: a long-lived device token the page keeps in its storage ("{id}.{signature}"), and, per
/// conversation, a stamp of that device and the address the page was opened from, both as keyed
/// hashes ("{device}.{address}.{signature}"). The scoring core uses them only to count one form
/// per device and to hold bursts; neither the address nor the device id is stored.
/// </summary>
public sealed class PageStamps(InvitationCodes codes)
{
    private const int SignatureChars = 16;

    /// <summary>A new device token for a page that has none (or a forged one).</summary>
    public string NewDeviceToken()
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        return $"{id}.{Sign("device", id)}";
    }

    /// <summary>The device id of a genuine token; null for anything else.</summary>
    public string? ReadDevice(string? token)
    {
        var parts = token?.Split('.');
        return parts is [var id, var signature] && id.Length is > 0 and <= 32 && Matches(Sign("device", id), signature) ? id : null;
    }

    public string Stamp(string deviceId, string address)
    {
        var body = $"{codes.Hash("device\n" + deviceId)}.{codes.Hash("address\n" + address)}";
        return $"{body}.{Sign("stamp", body)}";
    }

    /// <summary>The device and address hashes of a genuine stamp; null for anything else.</summary>
    public (string Device, string Address)? ReadStamp(string? stamp)
    {
        var parts = stamp?.Split('.');
        return parts is [var device, var address, var signature] && device.Length < 40 && address.Length < 40 && Matches(Sign("stamp", $"{device}.{address}"), signature)
            ? (device, address)
            : null;
    }

    private string Sign(string purpose, string value) => codes.Hash($"{purpose}-signature\n{value}")[..SignatureChars];

    private static bool Matches(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented));
}
