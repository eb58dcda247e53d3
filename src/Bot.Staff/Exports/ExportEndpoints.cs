using System.Text;
using Bot.People;
using Bot.Staff.Charts;
using Bot.Staff.Enrolment;
using Bot.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Staff.Exports;

/// <summary>
/// GET /exports/{token}/{file}: the file a signed link promised, if the link and its person still
/// hold: the unit's scorecards (bang-diem.xlsx|csv), the rollup chart (bieu-do.png), or a
/// commune's criteria chart (bieu-do-xa.png, which the commune's own staff may open too).
/// </summary>
public static partial class ExportEndpoints
{
    public const string XlsxName = "bang-diem.xlsx";
    public const string CsvName = "bang-diem.csv";
    public const string RollupChartName = "bieu-do.png";
    public const string ScorecardChartName = "bieu-do-xa.png";

    private static readonly string[] Files = [XlsxName, CsvName, RollupChartName, ScorecardChartName];

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/{token}/{file}", DownloadAsync);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ContentHttpResult>> DownloadAsync(
        string token, string file, ExportLinks links, EnrolmentStore enrolments, IUnitDirectory units, ScorecardExport export, ChartImages charts,
        StaffTexts texts, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var log = logs.CreateLogger(typeof(ExportEndpoints));
        var refused = TypedResults.Content(texts.Text("export.refused"), "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status403Forbidden);
        if (!Files.Contains(file) || links.Read(token) is not { } grant)
        {
            LogRefused(log, "invalid or expired link");
            return refused;
        }
        var tree = await units.TreeAsync(cancellationToken);
        // The person's rights now, not when the link was made: a revoked person's links die with the enrolment.
        if (await enrolments.FindAsync(grant.PersonId) is not { } person || !StaffAccess.Covers(person, grant.UnitId, tree)
            || (person.Role == StaffRole.Staff && file != ScorecardChartName))
        {
            LogRefused(log, "enrolment no longer covers the unit");
            return refused;
        }
        var coreDown = TypedResults.Content(texts.Text("staff.coreDown"), "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
        if (file is RollupChartName or ScorecardChartName)
        {
            var png = file == RollupChartName
                ? await charts.RollupAsync(grant.UnitId, tree.NameOf(grant.UnitId), grant.Year, cancellationToken)
                : await charts.ScorecardAsync(grant.UnitId, tree.NameOf(grant.UnitId), grant.Year, cancellationToken);
            return png is null ? coreDown : TypedResults.File(png, "image/png", $"bieu-do-{grant.UnitId}-{grant.Year}.png");
        }
        var rows = await export.RowsAsync(tree, grant.UnitId, grant.Year, cancellationToken);
        var figures = file == XlsxName ? await charts.RollupFiguresAsync(grant.UnitId, tree.NameOf(grant.UnitId), grant.Year, cancellationToken) : null;
        if (rows is null || (file == XlsxName && figures is null))
        {
            return coreDown;
        }
        LogExported(log, grant.PersonId, grant.UnitId, grant.Year, rows.Count);
        var name = $"bang-diem-{grant.UnitId}-{grant.Year}";
        return file == XlsxName
            ? TypedResults.File(export.Xlsx(rows, figures!), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : TypedResults.File(export.Csv(rows), "text/csv; charset=utf-8", name + ".csv");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Export refused: {Reason}")]
    private static partial void LogRefused(ILogger log, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export by enrolment {PersonId}: unit {UnitId}, year {Year}, {Rows} communes")]
    private static partial void LogExported(ILogger log, string personId, string unitId, int year, int rows);
}
