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

    /// <summary>The request body (JSON, or raw text or binary).</summary>
    Body = 3,

    /// <summary>A field of a form body (or a text part of a multipart body).</summary>
    FormField = 4,

    /// <summary>A file part of a multipart body.</summary>
    FilePart = 5,
}
