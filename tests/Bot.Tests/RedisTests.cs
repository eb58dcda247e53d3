namespace Bot.Tests;

[CollectionDefinition(Name)]
public sealed class RedisTests : ICollectionFixture<RedisServer>
{
    public const string Name = "redis";

    /// <summary>Classes with this trait also run on a Redis Cluster (test.sh's second pass): the store, outbox, reliability, channel and enrolment tests.</summary>
    public const string StoreTrait = "Store";

    public const string OnCluster = "Cluster";
}
