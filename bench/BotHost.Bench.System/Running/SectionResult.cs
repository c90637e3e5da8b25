using System.Text.Json.Nodes;

namespace BotHost.Bench.System.Running;

/// <summary>A section's keys for bench/results/latest.json and its rows for the table.</summary>
internal sealed record SectionResult(string Name, JsonObject Json, IReadOnlyList<Goal> Rows);
