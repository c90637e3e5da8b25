namespace BotHost.Discord.Interactions.Signatures;

/// <summary>Outcome of checking an interaction request's signature headers.</summary>
public enum SignatureVerdict
{
    Valid,

    /// <summary>X-Signature-Ed25519 or X-Signature-Timestamp absent.</summary>
    MissingHeaders,

    /// <summary>Timestamp not an integer number of Unix seconds.</summary>
    MalformedTimestamp,

    /// <summary>Timestamp further from now than the allowed clock skew (replay hardening).</summary>
    StaleTimestamp,

    /// <summary>Signature malformed or not made by the application's key.</summary>
    BadSignature,
}
