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
        var tagged = key.AsSpan();
        var open = tagged.IndexOf('{');
        if (open >= 0)
        {
            var close = tagged[(open + 1)..].IndexOf('}');
            if (close > 0)
            {
                tagged = tagged.Slice(open + 1, close);
            }
        }
        // On the stack: every turn works out its conversation's slot (ConversationKey), so this runs once a turn.
        var utf8 = tagged.Length <= 256 ? stackalloc byte[tagged.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(tagged.Length)];
        return Crc16(utf8[..Encoding.UTF8.GetBytes(tagged, utf8)]) % Count;
    }

    // A byte at a time from a table: it runs on every turn, over the conversation's whole name.
    private static readonly ushort[] Table = [.. Enumerable.Range(0, 256).Select(b => (ushort)Crc16Bitwise(b << 8))];

    private static int Crc16(ReadOnlySpan<byte> bytes)
    {
        var crc = 0;
        foreach (var b in bytes)
        {
            crc = ((crc << 8) ^ Table[((crc >> 8) ^ b) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    // CRC16/XMODEM (polynomial 0x1021) of one byte's worth of bits, to fill the table.
    private static int Crc16Bitwise(int crc)
    {
        for (var bit = 0; bit < 8; bit++)
        {
            crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
        }
        return crc;
    }
}
