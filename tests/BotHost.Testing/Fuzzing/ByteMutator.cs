namespace BotHost.Testing.Fuzzing;

/// <summary>
/// Seeded mutations of a sample document for the untrusted-input readers' tests: byte deletions, random and
/// syntax-character insertions, cut runs, repeated runs, plus whatever shaped insertions a reader's test adds.
/// </summary>
public static class ByteMutator
{
    /// <param name="syntax">Characters that matter to the format (e.g. <c>&lt;&gt;"'=&amp;/;</c>), written over random bytes.</param>
    /// <param name="insertions">Format-specific text to insert at random places (deep nesting, a DTD, a hostile attribute).</param>
    public static byte[] Mutate(byte[] sample, Random random, string syntax, params Func<Random, byte[]>[] insertions)
    {
        var bytes = new List<byte>(sample);
        var edits = random.Next(1, 12);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5 + insertions.Length))
            {
                case 0:
                    bytes.RemoveAt(at);
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 2:
                    bytes[at] = (byte)syntax[random.Next(syntax.Length)];
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 60)));
                    break;
                case 4:
                    var from = random.Next(bytes.Count);
                    bytes.InsertRange(at, bytes.GetRange(from, Math.Min(bytes.Count - from, random.Next(1, 200))));
                    break;
                case var n:
                    bytes.InsertRange(at, insertions[n - 5](random));
                    break;
            }
        }

        return [.. bytes];
    }
}
