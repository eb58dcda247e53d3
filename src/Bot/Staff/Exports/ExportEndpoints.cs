using System.Text;
using Bot.Staff.Enrolment;
using Bot.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Staff.Exports;

/// <summary>GET /exports/{token}/bang-diem.xlsx|csv: the file a "xuất báo cáo" link promised, if the link and its person still hold.</summary>
public static partial class ExportEndpoints
{
    public const string XlsxName = "bang-diem.xlsx";
    public const string CsvName = "bang-diem.csv";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/{token}/{file}", DownloadAsync);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ContentHttpResult>> DownloadAsync(
        string token, string file, ExportLinks links, EnrolmentStore enrolments, IUnitDirectory units, ScorecardExport export, StaffTexts texts,
        ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var log = logs.CreateLogger(typeof(ExportEndpoints));
        var refused = TypedResults.Content(texts.Text("export.refused"), "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status403Forbidden);
        if (file is not (XlsxName or CsvName) || links.Read(token) is not { } grant)
        {
            LogRefused(log, "invalid or expired link");
            return refused;
        }
        var tree = await units.TreeAsync(cancellationToken);
        // The person's rights now, not when the link was made: a revoked person's links die with the enrolment.
        if (await enrolments.FindAsync(grant.PersonId) is not { Role: StaffRole.Appraiser or StaffRole.Admin } person || !StaffAccess.Covers(person, grant.UnitId, tree))
        {
            LogRefused(log, "enrolment no longer covers the unit");
            return refused;
        }
        var rows = await export.RowsAsync(tree, grant.UnitId, grant.Year, cancellationToken);
        if (rows is null)
        {
            return TypedResults.Content(texts.Text("staff.coreDown"), "text/plain; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
        }
        LogExported(log, grant.PersonId, grant.UnitId, grant.Year, rows.Count);
        var name = $"bang-diem-{grant.UnitId}-{grant.Year}";
        return file == XlsxName
            ? TypedResults.File(export.Xlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : TypedResults.File(export.Csv(rows), "text/csv; charset=utf-8", name + ".csv");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Export refused: {Reason}")]
    private static partial void LogRefused(ILogger log, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Export by enrolment {PersonId}: unit {UnitId}, year {Year}, {Rows} communes")]
    private static partial void LogExported(ILogger log, string personId, string unitId, int year, int rows);
}
