using ScottPlot;
using ScottPlot.TickGenerators;

namespace Bot.Staff.Charts;

/// <summary>
/// Draws <see cref="ChartFigures"/> as a PNG with ScottPlot: two bars per group, and a red dash
/// across a group for its target. Criteria are drawn sideways so their names can be read; the
/// font is chosen for the Vietnamese text it has to show.
/// </summary>
public static class ChartDrawing
{
    public const int Width = 900;
    public const int Height = 500;

    private const int LineWidth = 22;
    private const int MaxLines = 3;

    private static readonly Color FirstColor = Color.FromHex("#1f6fb4");
    private static readonly Color SecondColor = Color.FromHex("#b9d3ea");
    private static readonly Color TargetColor = Color.FromHex("#c62828");

    public static byte[] Png(ChartFigures figures, string targetLabel)
    {
        using var plot = new Plot();
        var rows = figures.Rows;
        var sideways = figures.Sideways;
        // Sideways, the first group goes on top, as it is read.
        double Position(int group, int bar) => sideways ? (rows.Count - 1 - group) * 3 + (1 - bar) : group * 3 + bar;
        var bars = new List<Bar>();
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var (bar, value, color) in new[] { (0, rows[i].First, FirstColor), (1, rows[i].Second, SecondColor) })
            {
                bars.Add(new Bar
                {
                    Position = Position(i, bar),
                    Value = (double)value,
                    FillColor = color,
                    Label = Scoring.Text.VietnameseFormat.Points(value),
                    Orientation = sideways ? Orientation.Horizontal : Orientation.Vertical,
                });
            }
        }
        plot.Add.Bars(bars).ValueLabelStyle.FontSize = 14;
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Target is { } target)
            {
                var (from, to) = (Math.Min(Position(i, 0), Position(i, 1)) - 0.6, Math.Max(Position(i, 0), Position(i, 1)) + 0.6);
                var line = sideways ? plot.Add.Line((double)target, from, (double)target, to) : plot.Add.Line(from, (double)target, to, (double)target);
                line.LineColor = TargetColor;
                line.LineWidth = 3;
                line.LinePattern = LinePattern.Dashed;
            }
        }
        var groupAxis = sideways ? (IAxis)plot.Axes.Left : plot.Axes.Bottom;
        var valueAxis = sideways ? (IAxis)plot.Axes.Bottom : plot.Axes.Left;
        groupAxis.SetTicks([.. rows.Select((_, i) => (Position(i, 0) + Position(i, 1)) / 2)], [.. rows.Select(r => Wrap(r.Label))]);
        groupAxis.MajorTickStyle.Length = 0;
        valueAxis.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        var top = rows.Select(r => Math.Max((double)Math.Max(r.First, r.Second), (double)(r.Target ?? 0))).DefaultIfEmpty(1).Max();
        var (low, high) = (-1.0, rows.Count * 3 - 1.0);
        if (sideways)
        {
            plot.Axes.SetLimits(0, Math.Max(1, top * 1.12), low, high);
        }
        else
        {
            plot.Axes.SetLimits(low, high, 0, Math.Max(1, top * 1.15));
        }
        plot.Title(figures.Title);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = figures.FirstSeries, FillColor = FirstColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = figures.SecondSeries, FillColor = SecondColor });
        if (rows.Any(r => r.Target is not null))
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = targetLabel, LineColor = TargetColor, LineWidth = 3, LinePattern = LinePattern.Dashed });
        }
        plot.Legend.Alignment = sideways ? Alignment.LowerRight : Alignment.UpperLeft;
        plot.Font.Automatic();
        return plot.GetImage(Width, Height).GetImageBytes(ImageFormat.Png);
    }

    /// <summary>Long names ("TC2: Công khai, minh bạch…") on up to three short lines, cut with "…" beyond.</summary>
    private static string Wrap(string label)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > LineWidth)
            {
                lines.Add(line);
                line = "";
            }
            line = line.Length == 0 ? word : line + " " + word;
        }
        lines.Add(line);
        return lines.Count <= MaxLines ? string.Join('\n', lines) : string.Join('\n', lines.Take(MaxLines)) + "…";
    }
}
