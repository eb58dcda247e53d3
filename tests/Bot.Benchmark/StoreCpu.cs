using System.Globalization;
using StackExchange.Redis;

namespace Bot.Benchmark;

/// <summary>
/// The CPU seconds the store's servers have used (INFO cpu, user + system, summed over every server,
/// replicas too: they do work for each write). Its own admin connection: INFO is an admin command to
/// the client library, and the bot's multiplexer, whose commands are counted per turn, is not one.
/// </summary>
internal sealed class StoreCpu(IConnectionMultiplexer admin) : IAsyncDisposable
{
    public static async Task<StoreCpu> ConnectAsync(string configuration) =>
        new(await ConnectionMultiplexer.ConnectAsync(configuration + ",allowAdmin=true"));

    public async Task<double> SecondsAsync()
    {
        var total = 0.0;
        foreach (var server in admin.GetServers().Where(s => s.IsConnected))
        {
            var cpu = (await server.InfoAsync("cpu")).SelectMany(group => group).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
            total += Seconds(cpu, "used_cpu_user") + Seconds(cpu, "used_cpu_sys");
        }
        return total;
    }

    public ValueTask DisposeAsync() => admin.DisposeAsync();

    // Garnet leaves out fields Redis has: a missing one counts as nothing.
    private static double Seconds(Dictionary<string, string> cpu, string field) =>
        cpu.TryGetValue(field, out var value) && double.TryParse(value, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
}
