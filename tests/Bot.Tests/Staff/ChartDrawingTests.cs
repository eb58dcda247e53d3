using Bot.Staff.Charts;
using SkiaSharp;

namespace Bot.Tests.Staff;

/// <summary>
/// The chart as drawn, read back from its pixels: upright groups' names must stay apart, each a block
/// of text of its own under its bars, however long (the rollup's last two groups used to run together).
/// </summary>
public sealed class ChartDrawingTests
{
    private static readonly string[] RollupGroups =
        ["Không đạt chuẩn", "Chuẩn Mức độ 1", "Chuẩn Mức độ 2", "Chuẩn Mức độ 3", "Chuẩn Mức độ 4", "Đạt chuẩn (mức 1–4)", "Trên mức 1 (mức 2–4)"];

    [Fact]
    public void UprightGroupNames_UnderTheAxis_AreSeparateBlocksOfText_OnePerGroup()
    {
        var figures = new ChartFigures("Tỉnh Hải Dương năm 2026: số xã theo mức (6 xã)", "Chính thức", "Tạm tính",
            [.. RollupGroups.Select((name, i) => new ChartRow(name, i % 2, 3, i >= 4 ? 6 : null))]);

        using var bitmap = SKBitmap.Decode(ChartDrawing.Png(figures, "Chỉ tiêu của tỉnh"));

        Assert.Equal(RollupGroups.Length, TextBlocksUnderTheAxis(bitmap));
    }

    [Fact]
    public void WrapToWidth_BreaksBetweenWords_NeverInBrackets_AndKeepsAWordTooWideOnItsOwnLine()
    {
        var style = new ScottPlot.LabelStyle { FontSize = 12 };

        var roomy = ChartDrawing.WrapToWidth("Đạt chuẩn (mức 1–4)", style, 1000);
        var narrow = ChartDrawing.WrapToWidth("Đạt chuẩn (mức 1–4)", style, 80);
        var tiny = ChartDrawing.WrapToWidth("Đạt chuẩn", style, 1);

        Assert.Equal("Đạt chuẩn (mức 1–4)", roomy);
        Assert.Equal("Đạt chuẩn\n(mức 1–4)", narrow);
        Assert.Equal("Đạt\nchuẩn", tiny);
    }

    /// <summary>
    /// Under the data area's bottom edge (the lowest row that is mostly dark), the runs of columns with
    /// any dark pixel, merging runs less than 8 px apart (the space between two words).
    /// </summary>
    private static int TextBlocksUnderTheAxis(SKBitmap bitmap)
    {
        bool Dark(int x, int y) => bitmap.GetPixel(x, y) is var p && p.Red + p.Green + p.Blue < 3 * 160;
        var axis = Enumerable.Range(0, bitmap.Height).Last(y => Enumerable.Range(0, bitmap.Width).Count(x => Dark(x, y)) > bitmap.Width / 2);
        var inked = Enumerable.Range(0, bitmap.Width).Select(x => Enumerable.Range(axis + 3, bitmap.Height - axis - 3).Any(y => Dark(x, y))).ToArray();
        int blocks = 0, gap = bitmap.Width;
        foreach (var ink in inked)
        {
            if (ink && gap >= 8)
            {
                blocks++;
            }
            gap = ink ? 0 : gap + 1;
        }
        return blocks;
    }
}
