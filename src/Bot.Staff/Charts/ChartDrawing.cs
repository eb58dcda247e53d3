using System.Text.RegularExpressions;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Bot.Staff.Charts;

/// <summary>
/// Draws <see cref="ChartFigures"/> as a PNG with ScottPlot: two bars per group, and a red dash
/// across a group for its target. Criteria are drawn sideways so their names can be read; the
/// font is chosen for the Vietnamese text it has to show. Upright, a group's name is wrapped to the
/// width it has under its bars, measured in that font, so neighbouring names never run together.
/// </summary>
public static partial class ChartDrawing
{
    public const int Width = 900;
    public const int Height = 500;

    private const int LineWidth = 22;
    private const int MaxLines = 3;

    /// <summary>Pixels kept clear between the names of two upright groups.</summary>
    private const float GroupGap = 10;

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
        double[] ticks = [.. rows.Select((_, i) => (Position(i, 0) + Position(i, 1)) / 2)];
        groupAxis.SetTicks(ticks, [.. rows.Select(r => sideways ? Wrap(r.Label) : r.Label)]);
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
        if (!sideways && rows.Count > 0)
        {
            // Laid out once to learn the data area's width; a group has its share of it.
            plot.RenderInMemory(Width, Height);
            var slot = plot.RenderManager.LastRender.DataRect.Width / rows.Count - GroupGap;
            groupAxis.SetTicks(ticks, [.. rows.Select(r => WrapToWidth(r.Label, groupAxis.TickLabelStyle, slot))]);
        }
        return plot.GetImage(Width, Height).GetImageBytes(ImageFormat.Png);
    }

    /// <summary>Words, with what is in brackets kept as one: "(mức 1–4)" is never broken.</summary>
    [GeneratedRegex(@"\([^)]*\)|\S+")]
    private static partial Regex Words();

    /// <summary>
    /// The words of <paramref name="label"/> on as few lines as fit <paramref name="width"/> pixels in
    /// <paramref name="style"/>'s font; a single word wider than that keeps a line of its own.
    /// </summary>
    public static string WrapToWidth(string label, LabelStyle style, float width)
    {
        var measure = new LabelStyle { FontName = style.FontName, FontSize = style.FontSize, Bold = style.Bold };
        using var paint = Paint.NewDisposablePaint();
        float WidthOf(string text)
        {
            measure.Text = text;
            return measure.Measure(paint).Width;
        }
        var lines = new List<string>();
        var line = "";
        foreach (var word in Words().Matches(label).Select(m => m.Value))
        {
            var longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && WidthOf(longer) > width)
            {
                lines.Add(line);
                longer = word;
            }
            line = longer;
        }
        lines.Add(line);
        return string.Join('\n', lines);
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
