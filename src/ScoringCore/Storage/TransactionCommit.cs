using StackExchange.Redis;

namespace ScoringCore.Storage;

internal static class TransactionCommit
{
    /// <summary>
    /// Executes the transaction and, when its conditions held, waits for the queued writes (whose
    /// tasks only complete after EXEC). False when a condition failed: nothing was written.
    /// </summary>
    public static async Task<bool> CommitAsync(this ITransaction transaction, Task[] writes)
    {
        var committed = await transaction.ExecuteAsync();
        if (committed)
        {
            await Task.WhenAll(writes);
        }
        return committed;
    }
}
