using System.Globalization;
using ScoringCore.Contracts;

namespace ScoringCore.Benchmark;

/// <summary>The synthetic data: a province with N communes, and responses spread over them.</summary>
internal static class Workload
{
    public const string Province = "bench-province";

    // 2025, so that every submittedAt lies in the past whatever day the benchmark runs.
    public const int Year = 2025;

    private static readonly string[] Codes = ["tot", "kha", "trung-binh", "yeu"];

    public static UnitDto[] Units(int communes) =>
        [
            new UnitDto(Province, "Tỉnh Đo Tải", "province", null),
            .. Enumerable.Range(0, communes).Select(i => new UnitDto(Commune(i), $"Xã {i}", "commune", Province)),
        ];

    public static string Commune(int i) => "bench-xa-" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>Response number <paramref name="n"/>: deterministic, one in ten a cadre form, citizen forms inside the window.</summary>
    public static SurveyResponseRequest Response(string run, int n, int communes)
    {
        var answers = Enumerable.Range(0, 5).Select(q => Codes[(n * 7 + q * 3) % 4]).ToArray();
        return new SurveyResponseRequest(
            $"{run}-{n}",
            n % 10 == 0 ? "cadre" : "citizen",
            Commune(n % communes),
            Year,
            answers,
            "2025-11-25T09:00:00+07:00",
            "webchat",
            null);
    }
}
