using System.Text.RegularExpressions;
using Bot.Configuration;
using Bot.People;
using Bot.State;
using Microsoft.Extensions.Options;
using ServiceDefaults;

namespace Bot.Staff.Enrolment;

/// <summary>
/// "enrol --role admin --unit hai-duong [--days 7]": makes an enrolment code with the service's own
/// configuration (appsettings, environment, ConnectionStrings:Redis) and prints it. This is how the
/// first admin gets in; later codes are made in chat ("tạo mã").
/// </summary>
public static partial class EnrolCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Read(args);
        if (options is not { Role: { } role, Unit: { } unit } read)
        {
            await Console.Error.WriteLineAsync("Usage: dotnet run --project src/Bot -- enrol --role admin|appraiser|staff --unit <unitId> [--days N]");
            return 2;
        }
        var builder = Host.CreateApplicationBuilder([]);
        builder.Services.AddRedisMultiplexer(builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section);
        builder.Services.AddOptions<EnrolmentOptions>().BindConfiguration(EnrolmentOptions.Section);
        builder.Services.AddSingleton(provider => new BotKeys(provider.GetRequiredService<IOptions<BotOptions>>().Value.KeyPrefix));
        builder.Services.AddSingleton<EnrolmentStore>();
        using var host = builder.Build();
        var store = host.Services.GetRequiredService<EnrolmentStore>();
        var clock = host.Services.GetRequiredService<TimeProvider>();
        var expires = read.Days is { } days ? clock.GetUtcNow().AddDays(days) : store.CodeExpiry(linkCode: false);
        var code = await store.CreateCodeAsync(new EnrolmentGrant(role, unit, "command-line", expires));
        Console.WriteLine($"Enrolment code for {StaffRoles.Name(role)} of {unit}: {code}");
        Console.WriteLine($"Single use, expires {expires:yyyy-MM-dd HH:mm} UTC. In the chat, send: đăng ký {code}");
        return 0;
    }

    private static (StaffRole? Role, string? Unit, int? Days)? Read(string[] args)
    {
        StaffRole? role = null;
        string? unit = null;
        int? days = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--role":
                    role = StaffRoles.Parse(args[i + 1]);
                    break;
                case "--unit" when UnitId().IsMatch(args[i + 1]):
                    unit = args[i + 1];
                    break;
                case "--days" when int.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var d) && d is > 0 and <= 90:
                    days = d;
                    break;
                default:
                    return null;
            }
        }
        return (role, unit, days);
    }

    // The scoring core's unit ids: lower-case letters, digits, dot, dash, underscore.
    [GeneratedRegex("^[a-z0-9._-]{1,64}$")]
    private static partial Regex UnitId();
}
