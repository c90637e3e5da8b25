using System.Globalization;
using System.Text;
using BotHost.Core.Collecting;

namespace BotHost.Hosting;

/// <summary>Plain-text lines for a collection round: one per source, then what curation dropped and why.</summary>
public static class CollectionReportText
{
    public static string Render(IReadOnlyList<CollectionOutcome> outcomes)
    {
        var sb = new StringBuilder();
        sb.AppendLine("=== Collected ===");
        foreach (var o in outcomes)
        {
            var line = o.Status switch
            {
                CollectionStatus.Collected => $"{o.SourceName}: {o.Ingest.ItemsInFeed} items, {o.Ingest.NewItems} new, {o.Ingest.NewStories} new stories, {o.Ingest.JoinedExistingStories} joined stories seen elsewhere, {o.Ingest.AlreadySeen} already seen, {o.Ingest.Dropped.Count} dropped",
                CollectionStatus.NotModified => $"{o.SourceName}: not modified",
                CollectionStatus.NotDue => $"{o.SourceName}: not due",
                _ => $"{o.SourceName}: FAILED: {o.Error}",
            };
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
            foreach (var error in o.ParseErrors)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    problem: {error}");
            }

            foreach (var dropped in o.Ingest.Dropped)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    dropped ({dropped.Reason}): \"{dropped.Title}\": {dropped.Explanation}");
            }
        }

        return sb.ToString();
    }
}
