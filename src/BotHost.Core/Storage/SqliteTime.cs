namespace BotHost.Core.Storage;

/// <summary>Times are stored as Unix milliseconds; these convert at the SQL edge.</summary>
public static class SqliteTime
{
    public static object ToDb(DateTimeOffset? value) => value is { } v ? v.ToUnixTimeMilliseconds() : DBNull.Value;

    public static DateTimeOffset? FromDb(object? value) =>
        value is null or DBNull ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));

    public static object OrNull(string? value) => value is null ? DBNull.Value : value;
}
