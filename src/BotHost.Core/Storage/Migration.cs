namespace BotHost.Core.Storage;

/// <summary>One numbered schema step: the SQL of Storage/Migrations/NNNN_name.sql.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
