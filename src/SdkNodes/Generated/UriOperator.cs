namespace SdkNodes.Generated;

/// <summary>The RFC 6570 expression operators (§3.2). The generator picks one per expression.</summary>
public enum UriOperator : byte
{
    /// <summary><c>{var}</c>: simple string expansion.</summary>
    Simple,

    /// <summary><c>{+var}</c>: reserved expansion; reserved characters pass through.</summary>
    Reserved,

    /// <summary><c>{#var}</c>: fragment expansion.</summary>
    Fragment,

    /// <summary><c>{.var}</c>: label expansion with dot prefix.</summary>
    Label,

    /// <summary><c>{/var}</c>: path segment expansion.</summary>
    PathSegment,

    /// <summary><c>{;var}</c>: path-style parameter expansion.</summary>
    PathParameter,

    /// <summary><c>{?var}</c>: form-style query expansion.</summary>
    Query,

    /// <summary><c>{&amp;var}</c>: form-style query continuation.</summary>
    QueryContinuation,
}
