namespace BotHost.Bench.System.Running;

/// <summary>The printed table: one row per figure, its goal and whether it was met.</summary>
internal static class ResultsTable
{
    public static string Render(IEnumerable<SectionResult> sections)
    {
        var rows = sections.SelectMany(s => s.Rows).ToList();
        var headers = new[] { "section", "figure", "value", "goal", "" };
        var cells = rows.Select(r => new[] { r.Section, r.Figure, r.FormattedValue, r.Target, r.Verdict }).ToList();
        var widths = headers.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();
        var lines = new List<string> { Line(headers, widths), string.Join("  ", widths.Select(w => new string('-', w))).TrimEnd() };
        lines.AddRange(cells.Select(c => Line(c, widths)));
        return string.Join(Environment.NewLine, lines);
    }

    // Values are right-aligned, the rest left-aligned.
    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == 2 ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
}
