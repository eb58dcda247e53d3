using System.Text.Json.Serialization;

namespace Bot.People;

/// <summary>
/// Who an enrolled channel identity is. Citizens are not enrolled: anyone without an enrolment
/// is a citizen, who may only take the surveys.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<StaffRole>))]
public enum StaffRole
{
    /// <summary>Cán bộ, công chức of one commune: self-scores it and sees its scorecard.</summary>
    [JsonStringEnumMemberName("staff")] Staff,

    /// <summary>Appraises every commune under one unit (the province now; a district where one still exists).</summary>
    [JsonStringEnumMemberName("appraiser")] Appraiser,

    /// <summary>Everything an appraiser may do, anywhere under their unit, and enrols appraisers and admins.</summary>
    [JsonStringEnumMemberName("admin")] Admin,
}

public static class StaffRoles
{
    /// <summary>The command-line and wire names.</summary>
    public static string Name(StaffRole role) => role switch
    {
        StaffRole.Staff => "staff",
        StaffRole.Appraiser => "appraiser",
        _ => "admin",
    };

    public static StaffRole? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "staff" => StaffRole.Staff,
        "appraiser" => StaffRole.Appraiser,
        "admin" => StaffRole.Admin,
        _ => null,
    };
}
