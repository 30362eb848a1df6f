using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SdkNodes.CodeFixes;

/// <summary>Removes one attribute, and its brackets when it was alone in them.</summary>
internal static class AttributeRemoval
{
    public static SyntaxNode Remove(SyntaxNode root, AttributeSyntax attribute)
    {
        if (attribute.Parent is AttributeListSyntax { Attributes.Count: 1 } list)
        {
            return root.RemoveNode(list, SyntaxRemoveOptions.KeepLeadingTrivia)!;
        }

        return root.RemoveNode(attribute, SyntaxRemoveOptions.KeepNoTrivia)!;
    }
}
