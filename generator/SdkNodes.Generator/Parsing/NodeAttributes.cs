using Microsoft.CodeAnalysis;

namespace SdkNodes.Generator.Parsing;

/// <summary>
/// Which attribute makes a class a node. The analyzer and the generator both ask
/// <see cref="Choose"/>, so a class with both attributes (SDKN020) is read the same way by
/// both: the squiggles describe the code that is generated.
/// </summary>
internal static class NodeAttributes
{
    /// <summary>The metadata name of <c>[ApiRequest]</c>, for <c>ForAttributeWithMetadataName</c>.</summary>
    public const string ApiRequest = "SdkNodes.ApiRequestAttribute";

    /// <summary>The metadata name of <c>[SendObject]</c>, for <c>ForAttributeWithMetadataName</c>.</summary>
    public const string SendObject = "SdkNodes.SendObjectAttribute";

    private const string ApiRequestName = "ApiRequestAttribute";
    private const string SendObjectName = "SendObjectAttribute";

    /// <summary>
    /// The node attribute of <paramref name="type"/>, or null when it has none. <c>[ApiRequest]</c>
    /// wins over <c>[SendObject]</c> whatever order they are written in: it is the general one,
    /// and SDKN020 asks the user to remove one of the two.
    /// </summary>
    public static AttributeData? Choose(INamedTypeSymbol type)
    {
        AttributeData? sendObject = null;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            switch (SymbolNames.SdkNodesAttribute(attribute))
            {
                case ApiRequestName:
                    return attribute;
                case SendObjectName:
                    sendObject ??= attribute;
                    break;
            }
        }

        return sendObject;
    }

    /// <summary>True for <c>[SendObject]</c>, false for <c>[ApiRequest]</c>.</summary>
    public static bool IsSendObject(AttributeData attribute) => SymbolNames.SdkNodesAttribute(attribute) == SendObjectName;

    /// <summary>True for either node attribute.</summary>
    public static bool IsNodeAttribute(AttributeData attribute) => SymbolNames.SdkNodesAttribute(attribute) is ApiRequestName or SendObjectName;
}
