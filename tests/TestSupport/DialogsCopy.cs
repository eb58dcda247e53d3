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

    /// <summary>Rewrites one file of the copy (a path relative to dialogs/).</summary>
    public DialogsCopy Edit(string relativePath, Func<string, string> change)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        File.WriteAllText(file, change(File.ReadAllText(file)));
        return this;
    }

    /// <summary>A scheme in which the open desk link's forms may count in A1 in <paramref name="year"/>.</summary>
    public static DialogsCopy CountingOpenForms(int year) =>
        new DialogsCopy(System.IO.Path.Combine(RepositoryRoot.Path, "dialogs")).Edit("scheme/scheme.json", json => json.Replace("\"openFormsCountInA1\": []", $"\"openFormsCountInA1\": [{year}]", StringComparison.Ordinal));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
