namespace Bot.Units;

public sealed record Commune(string Id, string Name);
