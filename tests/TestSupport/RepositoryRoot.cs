namespace TestSupport;

/// <summary>The checkout the tests run from: the folder above the test output holding Bot.sln.</summary>
public static class RepositoryRoot
{
    public static string Path
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Bot.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new InvalidOperationException("Bot.sln not found above the test output.");
        }
    }
}
