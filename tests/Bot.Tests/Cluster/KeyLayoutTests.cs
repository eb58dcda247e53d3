using Bot.State;
using StackExchange.Redis;

namespace Bot.Tests.Cluster;

/// <summary>
/// The bot's keys laid out for a Redis Cluster: what one script or transaction uses shares a hash
/// slot, and the outbox shards spread evenly over the slots. Slots as Redis computes
/// them (CLUSTER KEYSLOT), so the bot's own computation is checked against Redis's.
/// </summary>
public sealed class KeyLayoutTests(ClusterKeySlots slots) : IClassFixture<ClusterKeySlots>
{
    private static readonly BotKeys Keys = new("bot:");

    private int Slot(RedisKey key) => slots.Of(key);

    [Theory]
    [InlineData("bot:conv:{o1}:directline:abc")]
    [InlineData("plain-key")]
    [InlineData("{}empty-tag-means-whole-key")]
    [InlineData("a{b}c{d}")]
    [InlineData("xã-cẩm-vũ:{tứ-minh:2026}:agg")]
    [InlineData("{unclosed")]
    public void HashSlots_AgreeWithRedis(string key)
    {
        Assert.Equal(Slot(key), HashSlots.Of(key));
    }

    [Fact]
    public void HashSlots_AgreeWithRedis_OnKeysTooLongForTheStack()
    {
        var longName = "zalo:" + string.Concat(Enumerable.Repeat("người-dân-ữ", 40));
        Assert.Equal(Slot(longName), HashSlots.Of(longName));
        Assert.Equal(Slot("bot:{" + longName + "}:x"), HashSlots.Of("bot:{" + longName + "}:x"));
    }

    [Theory]
    [InlineData("msteams", "a:1xyz")]
    [InlineData("directline", "{odd}conversation")]
    [InlineData("zalo", "người-dân-ữ")]
    public void Shard_IsTheRangeOfSlotsTheConversationsNameFallsIn(string channel, string id)
    {
        foreach (var conversation in new[] { new ConversationKey(channel, id), new ConversationKey(channel, id + new string('x', 300)) })
        {
            Assert.Equal(Slot(conversation.ToString()) * BotKeys.OutboxShards / HashSlots.Count, conversation.Shard);
        }
    }

    [Fact]
    public void ShardTags_EachLieInTheirOwnSixteenthOfTheSlots()
    {
        var ranges = Enumerable.Range(0, BotKeys.OutboxShards)
            .Select(shard => Slot(Keys.Outbox(shard)) * BotKeys.OutboxShards / HashSlots.Count)
            .ToList();
        Assert.Equal(Enumerable.Range(0, BotKeys.OutboxShards), ranges);
    }

    [Fact]
    public void ATurnsSave_TouchesOneSlot_WithItsOutboxShard()
    {
        for (var n = 0; n < 200; n++)
        {
            var conversation = new ConversationKey(n % 2 == 0 ? "msteams" : "zalo", $"a:1{n}xyz{{odd}}");
            var shard = conversation.Shard;
            RedisKey[] save = [Keys.Conversation(conversation), Keys.Seen(conversation, $"act-{n}"), Keys.Form(conversation, $"r{n}"), Keys.Outbox(shard)];
            Assert.Single(save.Select(Slot).Distinct());
            Assert.Equal(Slot(Keys.OutboxInFlight(shard)), Slot(Keys.OutboxDead(shard)));
            Assert.Equal(Slot(Keys.Outbox(shard)), Slot(Keys.OutboxInFlight(shard)));
        }
    }

    [Fact]
    public void TheStaffDirectory_AndTheZaloInbox_EachTouchOneSlot()
    {
        RedisKey[] directory = [Keys.Person("p1"), Keys.Person("p2"), Keys.People, Keys.Identity("zalo:u1"), Keys.ConversationReferences("p1")];
        Assert.Single(directory.Select(Slot).Distinct());
        RedisKey[] inbox = [Keys.ZaloSeen("e1"), Keys.ZaloSeen("e2"), Keys.ZaloPending];
        Assert.Single(inbox.Select(Slot).Distinct());
    }

    [Fact]
    public void ConversationsSpreadOverEveryShard()
    {
        var shards = Enumerable.Range(0, 2000).Select(n => new ConversationKey("directline", $"conv-{n}").Shard).ToList();
        Assert.Equal(BotKeys.OutboxShards, shards.Distinct().Count());
        // Roughly even: no shard has more than twice its share.
        Assert.All(shards.GroupBy(s => s), g => Assert.InRange(g.Count(), 1, 2 * 2000 / BotKeys.OutboxShards));
    }

    [Theory]
    [InlineData("bot{:")]
    [InlineData("}bot:")]
    public void APrefixWithABrace_IsRefused(string prefix)
    {
        Assert.Throws<ArgumentException>(() => new BotKeys(prefix));
    }
}
