namespace Bot.Assistant.Knowledge;

/// <summary>
/// Builds the index while the host starts (by asking for it), so a missing or broken source text
/// stops the boot instead of the first question, and no question pays for the build.
/// </summary>
internal sealed class KnowledgeStartup(KnowledgeBase knowledge) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        knowledge.Passages.Count > 0 ? Task.CompletedTask : throw new InvalidOperationException("The assistant's index has no passages: check dialogs/sources.");

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
