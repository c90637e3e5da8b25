namespace BotHost.Core.Tests.Stories;

/// <summary>
/// Hand-labelled title pairs in TestData/Stories: title-pairs.tsv, the set the matcher's thresholds were tuned
/// on, and title-pairs-heldout.tsv, a set they were not tuned on.
/// </summary>
internal static class TitlePairs
{
    public const string Tuned = "title-pairs.tsv";

    public const string HeldOut = "title-pairs-heldout.tsv";

    public static IReadOnlyList<(bool Same, string A, string B)> Load(string file = Tuned)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "Stories", file);
        var pairs = new List<(bool, string, string)>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[0] is not ("same" or "different"))
            {
                throw new InvalidDataException($"{file}: expected 'same|different<TAB>title<TAB>title' but got '{line}'.");
            }

            pairs.Add((fields[0] == "same", fields[1], fields[2]));
        }

        return pairs;
    }

    public static TheoryData<string, string, string> AsTheoryData(string file = Tuned)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (same, a, b) in Load(file))
        {
            data.Add(same ? "same" : "different", a, b);
        }

        return data;
    }
}
