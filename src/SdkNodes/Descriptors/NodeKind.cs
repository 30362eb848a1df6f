namespace SdkNodes;

/// <summary>The two modes of the "Send API Request" node.</summary>
public enum NodeKind
{
    /// <summary>A custom request: <see cref="ApiRequestAttribute"/>.</summary>
    CustomRequest = 0,

    /// <summary>A record pushed as JSON: <see cref="SendObjectAttribute"/>.</summary>
    SendObject = 1,
}
