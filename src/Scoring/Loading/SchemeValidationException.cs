namespace Scoring.Loading;

/// <summary>Thrown at start-up when dialogs/ holds a defect; the message lists every one found.</summary>
public sealed class SchemeValidationException : Exception
{
    public SchemeValidationException(IReadOnlyList<SchemeProblem> problems)
        : base("The definitions in dialogs/ are invalid:" + Environment.NewLine
            + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Problems = problems;
    }

    public SchemeValidationException() : this([])
    {
    }

    public SchemeValidationException(string message) : base(message)
    {
        Problems = [];
    }

    public SchemeValidationException(string message, Exception innerException) : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<SchemeProblem> Problems { get; } = [];
}
