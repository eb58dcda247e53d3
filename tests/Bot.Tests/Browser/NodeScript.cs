using System.Diagnostics;
using System.Text.Json;

namespace Bot.Tests.Browser;

/// <summary>Runs one of the Playwright scripts in tests/Browser with node; its last line of output is its JSON result.</summary>
public static class NodeScript
{
    public static string BrowserFolder { get; } = Path.Combine(FindRepoRoot(), "tests", "Browser");

    public static async Task<JsonElement> RunAsync(string script, object options)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = BrowserFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(BrowserFolder, script));
        start.ArgumentList.Add(JsonSerializer.Serialize(options));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} ran over two minutes. {await errors}");
        }
        Assert.True(process.ExitCode == 0, $"{script} failed (exit {process.ExitCode}): {await errors}{await output}");
        return JsonDocument.Parse((await output).Trim().Split('\n')[^1]).RootElement.Clone();
    }

    /// <summary>setup.sh (run by test.sh) puts Web Chat's bundle here.</summary>
    public static string WebChatBundle => Path.Combine(BrowserFolder, ".cache", "webchat-4.18.1.js");

    private static string FindRepoRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Bot.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Bot.sln not found above the test's folder.");
    }
}
