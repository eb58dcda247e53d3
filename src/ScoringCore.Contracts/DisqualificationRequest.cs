namespace ScoringCore.Contracts;

/// <summary>PUT …/disqualification: the reason kind from the scheme file and the appraiser's note.</summary>
public sealed record DisqualificationRequest(string? Kind, string? Note);

/// <summary>DELETE …/disqualification may carry why it is lifted.</summary>
public sealed record DisqualificationLiftRequest(string? Note);
