using System.Collections.Generic;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Parsing;

internal sealed partial class NodeParser
{
    // What the model carries beyond the node's names: a node with errors gets Stub, so the
    // error path builds the model from empty values instead of clearing the parsed ones.
    private sealed record NodeContent(
        IReadOnlyList<TemplatePart> TemplateParts,
        IReadOnlyList<PropertyModel> Properties,
        IReadOnlyList<BodyFieldModel> BodyFields,
        ClassSettings Settings,
        ResilienceSettings Resilience)
    {
        public static NodeContent Stub { get; } = new([], [], [], ClassSettings.None, ResilienceSettings.None);
    }
}
