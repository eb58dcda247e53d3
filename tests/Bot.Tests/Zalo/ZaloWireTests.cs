using System.Globalization;
using System.Text;
using Bot.Channels.Zalo;

namespace Bot.Tests.Zalo;

/// <summary>Zalo's wire rules without I/O: the webhook signature, the event's stamp and the 2,000-character split.</summary>
public sealed class ZaloWireTests
{
    // The research note's vector (computed with Python hashlib): app id, NFC body, body timestamp, OA secret key.
    private const string VectorBody = """{"app_id":"360846524940903967","sender":{"id":"246845883529197922"},"user_id_by_app":"552177279717587730","recipient":{"id":"388613280878808645"},"event_name":"user_send_text","message":{"text":"Tôi muốn góp ý","msg_id":"96d3cdf3af150460909"},"timestamp":"154390853474"}""";

    [Fact]
    public void Signature_KnownVector_Matches_AndTheSameTextDecomposed_DoesNot()
    {
        var body = Encoding.UTF8.GetBytes(VectorBody);
        const string mac = "mac=af9c8cda09a12d5b7f79c737ce91dfe0a591a41bcf5c72aeb9a6033095ceff20";

        Assert.Equal("154390853474", ZaloSignature.Timestamp(body));
        Assert.True(ZaloSignature.IsValid(body, mac, "360846524940903967", "154390853474", "TEST_OA_SECRET_KEY"));
        Assert.False(ZaloSignature.IsValid(Encoding.UTF8.GetBytes(VectorBody.Normalize(NormalizationForm.FormD)), mac, "360846524940903967", "154390853474", "TEST_OA_SECRET_KEY"));
        Assert.False(ZaloSignature.IsValid(body, mac, "360846524940903967", "154390853474", "the-app-secret-instead"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"app_id":"1"}""")]
    public void Timestamp_OfABodyWithout_IsNull(string body)
    {
        Assert.Null(ZaloSignature.Timestamp(Encoding.UTF8.GetBytes(body)));
    }

    // Zalo stamps events in Unix milliseconds; a stamp no clock can show is dropped, not thrown on.
    [Theory]
    [InlineData("154390853474", 154390853474L)]
    [InlineData("99999999999999999", null)]
    [InlineData("-99999999999999999", null)]
    [InlineData("soon", null)]
    public void From_TextEvent_TakesTheStampOnlyWhenItIsATime(string stamp, long? expectedMilliseconds)
    {
        var e = ZaloEvent.Parse(VectorBody.Replace("\"154390853474\"", $"\"{stamp}\""))!;

        var activity = ZaloActivities.From(e, "event-1")!;

        Assert.Equal("Tôi muốn góp ý", activity.Text);
        Assert.Equal(expectedMilliseconds, activity.Timestamp?.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void Split_LongVietnameseText_CutsAtSpacesIntoPiecesOf2000AtMost()
    {
        var text = string.Join(" ", Enumerable.Repeat("Chính quyền thân thiện, vì Nhân dân phục vụ.", 120));

        var pieces = ZaloClient.Split(text);

        Assert.Equal(3, pieces.Count);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, ZaloClient.MaxText));
        Assert.Equal(text, string.Join(" ", pieces));
    }

    [Fact]
    public void Split_DecomposedTextWithoutSpaces_NeverSeparatesAToneMarkFromItsLetter()
    {
        var text = string.Concat(Enumerable.Repeat("ệ", 1500)).Normalize(NormalizationForm.FormD);

        var pieces = ZaloClient.Split(text);

        Assert.True(pieces.Count >= 3);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, ZaloClient.MaxText));
        Assert.All(pieces, p => Assert.NotEqual(UnicodeCategory.NonSpacingMark, CharUnicodeInfo.GetUnicodeCategory(p[0])));
        Assert.Equal(text, string.Concat(pieces));
    }
}
