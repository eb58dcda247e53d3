using System.Text.Json;
using Bot.Activities;

namespace Bot.Tests;

public sealed class BotJsonContextTests
{
    [Fact]
    public void Wire_WritesLettersAsThemselves_AndStillEscapesWhatMattersInHtml()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = "Xã Cẩm Vũ <script>alert('x')</script> & \"bạn\"" };

        var json = JsonSerializer.Serialize(activity, BotJsonContext.Wire.Activity);

        Assert.Contains("Xã Cẩm Vũ", json);
        Assert.Contains("\\u003Cscript\\u003Ealert(\\u0027x\\u0027)", json);
        Assert.Contains("\\u0026 \\u0022bạn\\u0022", json);
        Assert.Equal(activity.Text, JsonSerializer.Deserialize(json, BotJsonContext.Default.Activity)!.Text);
    }

    [Fact]
    public void Wire_KeepsTheContextsOtherSettings()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = ActivityTypes.Message, ReplyToId = "a-1" }, BotJsonContext.Wire.Activity);

        Assert.Equal("""{"type":"message","replyToId":"a-1"}""", json);
    }
}
