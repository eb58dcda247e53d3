namespace Bot.Surveys;

public sealed record Commune(string Id, string Name);
