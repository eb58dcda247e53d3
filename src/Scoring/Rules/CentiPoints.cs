namespace Scoring.Rules;

/// <summary>
/// Points kept as whole hundredths, so that sums stored in Redis (HINCRBY) stay exact integers;
/// the loader guarantees every point value in dialogs/ has at most two decimals.
/// </summary>
public static class CentiPoints
{
    public static long From(decimal points) => decimal.ToInt64(points * 100m);

    public static decimal ToPoints(long centiPoints) => centiPoints / 100m;
}
