using System.Text;

namespace Bot.State;

/// <summary>
/// Redis Cluster's hash slots (CRC16/XMODEM of the key's hash tag, mod 16384), so the bot can
/// choose tags that spread its outbox shards evenly over whatever primaries own the slot ranges.
/// </summary>
public static class HashSlots
{
    public const int Count = 16384;

    /// <summary>The slot Redis Cluster gives a key: of the text between the first "{" and the next "}" when that is not empty, else of the whole key.</summary>
    public static int Of(string key)
    {
        var open = key.IndexOf('{');
        if (open >= 0)
        {
            var close = key.IndexOf('}', open + 1);
            if (close > open + 1)
            {
                key = key[(open + 1)..close];
            }
        }
        return Crc16(Encoding.UTF8.GetBytes(key)) % Count;
    }

    private static int Crc16(ReadOnlySpan<byte> bytes)
    {
        var crc = 0;
        foreach (var b in bytes)
        {
            crc ^= b << 8;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return crc;
    }
}
