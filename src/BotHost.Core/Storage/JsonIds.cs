using System.Globalization;

namespace BotHost.Core.Storage;

/// <summary>Row ids as a JSON array, the one parameter a statement reads a list from with <c>json_each</c>, so its text stays fixed.</summary>
public static class JsonIds
{
    public static string Of(IEnumerable<long> ids) => "[" + string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]";
}
