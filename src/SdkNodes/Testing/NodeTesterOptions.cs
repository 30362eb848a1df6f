namespace SdkNodes;

/// <summary>Settings for <see cref="NodeTester"/>.</summary>
public sealed class NodeTesterOptions
{
    /// <summary>
    /// Where the last values typed for each node are remembered (JSON, written atomically).
    /// Default: <c>.sdknodes/test-values.json</c> under the current directory. Null remembers nothing.
    /// </summary>
    public string? ValuesPath { get; set; } = System.IO.Path.Combine(".sdknodes", "test-values.json");

    /// <summary>
    /// Whether secrets (<see cref="SecretAttribute"/> properties and sensitive headers such as
    /// Authorization) are written to <see cref="ValuesPath"/>. Default: false, so they are typed again.
    /// </summary>
    public bool SaveSecrets { get; set; }
}
