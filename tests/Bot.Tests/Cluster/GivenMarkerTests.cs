using Bot.Configuration;
using Bot.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServiceDefaults;
using StackExchange.Redis;

namespace Bot.Tests.Cluster;

/// <summary>
/// The form's "given" marker, reserved before the save because it cannot share the conversation's
/// hash slot: kept by a save that lands, given back by one that loses the compare-and-swap, taken
/// again by the same form's rerun, refused to another form.
/// </summary>
[Collection(RedisTests.Name)]
[Trait(RedisTests.StoreTrait, RedisTests.OnCluster)]
public sealed class GivenMarkerTests(RedisServer redis) : IAsyncLifetime
{
    private ConnectionMultiplexer _connection = null!;
    private readonly BotKeys _keys = new($"tb:{Guid.NewGuid():N}:");
    private readonly ConversationKey _conversation = new("directline", "conv-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync() => _connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);

    public Task DisposeAsync()
    {
        _connection.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ASaveThatLosesTheRace_GivesTheMarkerBack_AndTheRerunTakesItAgain()
    {
        var store = Store();
        var form = Form("response-1");
        var marker = _keys.Completed("citizen", "cam-vu", 2026, form.UserKey);

        Assert.Equal(SaveOutcome.Conflict, await store.TrySaveAsync(_conversation, "a1", "not-the-etag", new ConversationData(), form));
        Assert.False(await _connection.GetDatabase().KeyExistsAsync(marker));

        var loaded = await store.LoadAsync(_conversation, "a1");
        Assert.Equal(SaveOutcome.Saved, await store.TrySaveAsync(_conversation, "a1", loaded.Etag, loaded.Data, form));
        Assert.Equal("response-1", (string?)await _connection.GetDatabase().StringGetAsync(marker));
        Assert.Equal(1, await _connection.GetDatabase().ListLengthAsync(_keys.Outbox(_conversation.Shard)));
    }

    [Fact]
    public async Task AnotherFormOfTheSamePerson_FindsTheMarkerTaken_AndIsNotQueued()
    {
        var store = Store();
        var first = await store.LoadAsync(_conversation, "a1");
        Assert.Equal(SaveOutcome.Saved, await store.TrySaveAsync(_conversation, "a1", first.Etag, first.Data, Form("response-1")));

        var elsewhere = new ConversationKey("directline", "conv-" + Guid.NewGuid().ToString("N"));
        var second = await store.LoadAsync(elsewhere, "b1");
        Assert.Equal(SaveOutcome.SavedFormAlreadyGiven, await store.TrySaveAsync(elsewhere, "b1", second.Etag, second.Data, Form("response-2")));
        Assert.False(await _connection.GetDatabase().KeyExistsAsync(_keys.Form(elsewhere, "response-2")));
        Assert.True(await _connection.GetDatabase().KeyExistsAsync(_keys.Form(_conversation, "response-1")));
    }

    private ConversationStore Store()
    {
        var replicated = new ReplicatedWrites(_connection, () => throw new InvalidOperationException("No replicas here."),
            Options.Create(new ReplicaOptions()), NullLogger<ReplicatedWrites>.Instance);
        return new ConversationStore(_connection, replicated, _keys, Options.Create(new BotOptions()), TimeProvider.System);
    }

    private static CompletedForm Form(string responseId) =>
        new(responseId, "citizen", "cam-vu", 2026, ["tot", "tot", "tot", "tot", "tot"], new Dictionary<string, string>(), null,
            DateTimeOffset.Parse("2026-11-25T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "directline", "directline:user-1");
}
