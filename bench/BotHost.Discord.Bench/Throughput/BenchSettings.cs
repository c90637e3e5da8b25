using System.Globalization;

namespace BotHost.Discord.Bench.Throughput;

/// <summary>Command-line settings; defaults are the acceptance run (1,000 messages, 20 channels, 50/s, 5 per 5 s).</summary>
internal sealed record BenchSettings(int Messages, int Channels, int GlobalLimit, int BucketLimit, TimeSpan BucketWindow)
{
    public const string Usage = "usage: BotHost.Discord.Bench [--messages 1000] [--channels 20] [--global 50] [--bucket-limit 5] [--bucket-window-seconds 5]";

    /// <summary>min(global, channels × bucket limit / window): the best steady rate the limits permit.</summary>
    public double AllowedRate => Math.Min(GlobalLimit, Channels * BucketLimit / BucketWindow.TotalSeconds);

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings(1000, 20, 50, 5, TimeSpan.FromSeconds(5));
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                throw new ArgumentException($"{args[i]} needs a positive whole number. {Usage}");
            }

            settings = args[i] switch
            {
                "--messages" => settings with { Messages = value },
                "--channels" => settings with { Channels = value },
                "--global" => settings with { GlobalLimit = value },
                "--bucket-limit" => settings with { BucketLimit = value },
                "--bucket-window-seconds" => settings with { BucketWindow = TimeSpan.FromSeconds(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. {Usage}"),
            };
        }

        return settings;
    }
}
