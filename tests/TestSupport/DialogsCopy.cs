namespace TestSupport;

/// <summary>A throwaway copy of a dialogs/ folder, for a test that breaks one file and expects the boot to fail; deleted on dispose.</summary>
public sealed class DialogsCopy : IDisposable
{
    public DialogsCopy(string from)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dialogs-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
