namespace OrleansFlow.Api;

/// <summary>What a job argument's value must be; a submission whose value does not parse is refused.</summary>
public enum JobParameterKind
{
    /// <summary>Any text.</summary>
    String,

    /// <summary>A whole number (64-bit), optionally with a minimum.</summary>
    Int64,

    /// <summary><c>true</c> or <c>false</c> (JSON booleans or those words, any case).</summary>
    Boolean,
}
