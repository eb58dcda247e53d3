using System.Security.Cryptography;
using System.Text;

namespace Bot.ApiKeys;

/// <summary>
/// The two API keys, read from the settings they have always had: the administrator's
/// (SurveyLinks:AdminKey) and the one-stop software's (Invitations:IntegrationKey; empty, the
/// admin key serves). Secrets, from environment or user secrets.
/// </summary>
public sealed class ApiKeyOptions
{
    public string AdminKey { get; set; } = "";
    public string IntegrationKey { get; set; } = "";

    public bool IsAdminKey(string presented) => Matches(presented, AdminKey);

    public bool IsIntegrationKey(string presented) => Matches(presented, IntegrationKey.Length > 0 ? IntegrationKey : AdminKey);

    private static bool Matches(string presented, string expected) =>
        expected.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
