namespace BotHost.Core.Stories;

/// <summary>RFC 3986 section 5.2.4 "remove_dot_segments" for an absolute path.</summary>
internal static class DotSegments
{
    public static string Remove(string path)
    {
        var segments = path.Split('/');
        var output = new List<string>(segments.Length);
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last)
                {
                    output.Add(string.Empty);
                }

                continue;
            }

            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                if (last)
                {
                    output.Add(string.Empty);
                }

                continue;
            }

            output.Add(segment);
        }

        return "/" + string.Join('/', output);
    }
}
