namespace BotHost.Core.Tests.Stories;

/// <summary>The hand-labelled title pairs in TestData/Stories/title-pairs.tsv.</summary>
internal static class TitlePairs
{
    public static IReadOnlyList<(bool Same, string A, string B)> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "Stories", "title-pairs.tsv");
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
                throw new InvalidDataException($"title-pairs.tsv: expected 'same|different<TAB>title<TAB>title' but got '{line}'.");
            }

            pairs.Add((fields[0] == "same", fields[1], fields[2]));
        }

        return pairs;
    }

    public static TheoryData<string, string, string> AsTheoryData()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (same, a, b) in Load())
        {
            data.Add(same ? "same" : "different", a, b);
        }

        return data;
    }
}
