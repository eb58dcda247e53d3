namespace TestSupport;

/// <summary>A clock the test sets; Microsoft.Extensions.TimeProvider.Testing is not in the registry.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
