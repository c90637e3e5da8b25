using System.Globalization;

namespace BotHost.Core.Digests;

/// <summary>
/// The visible parts of a story's score (the same parts /explain shows): the weights of the source that had it
/// first and of the other sources that mentioned it, the engagement a feed states, this channel's feedback on
/// its sources, all multiplied by the recency decay; a curator's pick ranks above every automatic story.
/// </summary>
public sealed record ScoreParts(double Recency, double SourceWeight, double CrossSource, double Engagement, double Feedback, bool Picked)
{
    /// <summary>Added to a picked story's score so picks come first whatever the automatic parts say.</summary>
    public const double PickBonus = 1000;

    /// <summary>The parts before decay, never below 0.1 so feedback cannot erase a story's order entirely.</summary>
    public double Base => Math.Max(0.1, SourceWeight + CrossSource + Engagement + Feedback);

    public double Total => (Base * Recency) + (Picked ? PickBonus : 0);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Total:G3} = ({SourceWeight:0.##} source + {CrossSource:0.##} cross-source + {Engagement:0.##} engagement {Feedback:+0.##;-0.##;+0} feedback) × {Recency:G3} recency{(Picked ? " + pick" : "")}");
}
