using System.Text.Json;
using Bot.Activities;

namespace Bot.Tests;

/// <summary>What an activity keeps as JSON is read only when its strings are text; escaped text that is whole passes unchanged.</summary>
public sealed class WellFormedJsonElementConverterTests
{
    [Theory]
    [InlineData("""{"type":"message","value":"\ud800"}""")]
    [InlineData("""{"type":"message","value":{"answer":"a\udc00b"}}""")]
    [InlineData("""{"type":"message","value":{"\ud800":"x"}}""")]
    [InlineData("""{"type":"message","channelData":{"a":[1,{"b":"\ud83d"}]}}""")]
    [InlineData("""{"type":"message","attachments":[{"content":"\ud800"}]}""")]
    [InlineData("""{"type":"message","entities":[{"type":"\udfff"}]}""")]
    [InlineData("""{"type":"message","unmodelled":"\ud800"}""")]
    public void Read_HalfASurrogatePair_IsMalformedJson(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, BotJsonContext.Default.Activity));

    [Fact]
    public void Read_EscapedWholeText_IsKeptAndWrittenBack()
    {
        var json = """{"type":"message","value":{"answer":"T\u1ed1t \ud83d\ude00","n":[1,true,null]},"channelData":{"x":"\"q\""},"unmodelled":{"k":"\u00e2"}}""";

        var activity = JsonSerializer.Deserialize(json, BotJsonContext.Default.Activity)!;

        Assert.Equal("Tốt 😀", activity.Value!.Value.GetProperty("answer").GetString());
        Assert.Equal("[1,true,null]", activity.Value.Value.GetProperty("n").GetRawText());
        Assert.Equal("\"q\"", activity.ChannelData!.Value.GetProperty("x").GetString());
        Assert.Equal("â", activity.Extra!["unmodelled"].GetProperty("k").GetString());
        var again = JsonSerializer.Deserialize(JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity), BotJsonContext.Default.Activity)!;
        Assert.Equal("Tốt 😀", again.Value!.Value.GetProperty("answer").GetString());
    }

    [Fact]
    public void Read_ValueAmongOtherFields_LeavesTheRestReadable()
    {
        var activity = JsonSerializer.Deserialize("""{"value":{"a":{"b":[]}},"text":"sau","type":"message"}""", BotJsonContext.Default.Activity)!;

        Assert.Equal("sau", activity.Text);
        Assert.Equal("message", activity.Type);
        Assert.Equal("""{"a":{"b":[]}}""", activity.Value!.Value.GetRawText());
    }
}
