using System.Globalization;

namespace BotHost.Bench.System.Running;

/// <summary>One figure of a section with the goal beside it, for the table.</summary>
internal sealed record Goal(string Section, string Figure, double Value, string Unit, string Target, bool? Met)
{
    public static Goal AtLeast(string section, string figure, double value, string unit, double target) =>
        new(section, figure, value, unit, string.Create(CultureInfo.InvariantCulture, $">= {target:#,0.###} {unit}").TrimEnd(), value >= target);

    public static Goal Below(string section, string figure, double value, string unit, double target) =>
        new(section, figure, value, unit, string.Create(CultureInfo.InvariantCulture, $"< {target:#,0.###} {unit}").TrimEnd(), value < target);

    public static Goal AtMost(string section, string figure, double value, string unit, double target) =>
        new(section, figure, value, unit, string.Create(CultureInfo.InvariantCulture, $"<= {target:#,0.###} {unit}").TrimEnd(), value <= target);

    /// <summary>A figure shown for context, with no goal of its own.</summary>
    public static Goal Info(string section, string figure, double value, string unit) => new(section, figure, value, unit, "", null);

    public string Verdict => Met switch { true => "met", false => "MISSED", null => "" };

    public string FormattedValue => string.Create(CultureInfo.InvariantCulture, $"{(Math.Abs(Value) >= 100 ? Value.ToString("#,0", CultureInfo.InvariantCulture) : Value.ToString("0.###", CultureInfo.InvariantCulture))} {Unit}").TrimEnd();
}
