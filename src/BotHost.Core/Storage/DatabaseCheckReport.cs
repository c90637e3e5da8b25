namespace BotHost.Core.Storage;

/// <summary>
/// What `db check` found: SQLite's integrity and foreign-key checks, and the stored schema version against the one this
/// binary migrates to. <see cref="Unreadable"/> is set when the file could not be checked at all.
/// </summary>
public sealed record DatabaseCheckReport(
    string Path,
    long Bytes,
    string? Unreadable,
    IReadOnlyList<string> IntegrityProblems,
    IReadOnlyList<string> ForeignKeyProblems,
    int SchemaVersion,
    int BinarySchemaVersion)
{
    public bool Healthy => Unreadable is null && IntegrityProblems.Count == 0 && ForeignKeyProblems.Count == 0;

    public bool SchemaTooNew => SchemaVersion > BinarySchemaVersion;
}
