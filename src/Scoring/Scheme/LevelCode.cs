using System.Text.Json.Serialization;

namespace Scoring.Scheme;

/// <summary>The level codes on the wire: "none", "level1" … "level4".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LevelCode>))]
public enum LevelCode
{
    [JsonStringEnumMemberName("none")] None = 0,
    [JsonStringEnumMemberName("level1")] Level1 = 1,
    [JsonStringEnumMemberName("level2")] Level2 = 2,
    [JsonStringEnumMemberName("level3")] Level3 = 3,
    [JsonStringEnumMemberName("level4")] Level4 = 4,
}
