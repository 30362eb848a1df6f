namespace SdkNodes;

/// <summary>What a node property's value is sent as.</summary>
public enum NodeParameterBinding
{
    /// <summary>Nothing binds the property.</summary>
    None = 0,

    /// <summary>A URI template variable.</summary>
    UriVariable = 1,

    /// <summary>A request header.</summary>
    Header = 2,

    /// <summary>The JSON request body.</summary>
    Body = 3,
}
