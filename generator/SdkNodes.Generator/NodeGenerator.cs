using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Emitting;
using SdkNodes.Generator.Model;
using SdkNodes.Generator.Parsing;

namespace SdkNodes.Generator;

/// <summary>
/// Turns each <c>[ApiRequest]</c> and <c>[SendObject]</c> class into a typed request executor.
/// Diagnostics are the analyzer's job (<see cref="NodeAnalyzer"/>): the generator only emits,
/// so editing code re-reports them without running the emitter again.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class NodeGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for caching tests.</summary>
    public static class Steps
    {
        public const string ApiRequestNodes = nameof(ApiRequestNodes);
        public const string SendObjectNodes = nameof(SendObjectNodes);
        public const string RegistryEntries = nameof(RegistryEntries);
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Find node classes by their attribute and parse each into an equatable model
        //    (null when the node has errors: the analyzer reports them).
        IncrementalValuesProvider<NodeModel> apiRequests = context.SyntaxProvider
            .ForAttributeWithMetadataName(NodeAttributes.ApiRequest, static (node, _) => IsClass(node), static (ctx, ct) => Parse(ctx, sendObject: false, ct))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(Steps.ApiRequestNodes);

        IncrementalValuesProvider<NodeModel> sendObjects = context.SyntaxProvider
            .ForAttributeWithMetadataName(NodeAttributes.SendObject, static (node, _) => IsClass(node), static (ctx, ct) => Parse(ctx, sendObject: true, ct))
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(Steps.SendObjectNodes);

        // 2. Emit one file per node.
        context.RegisterSourceOutput(apiRequests, static (spc, node) => spc.AddSource(NodeEmitter.HintName(node), NodeEmitter.Emit(node)));
        context.RegisterSourceOutput(sendObjects, static (spc, node) => spc.AddSource(NodeEmitter.HintName(node), NodeEmitter.Emit(node)));

        // 3. Emit the assembly's registry from the node names alone, so it is rewritten only
        //    when a node is added, removed or renamed.
        IncrementalValueProvider<EquatableArray<string>> entries = apiRequests.Collect()
            .Combine(sendObjects.Collect())
            .Select(static (pair, _) => pair.Left.Concat(pair.Right)
                .Where(static n => !n.IsGeneric && !n.HasErrors)
                .Select(static n => n.FullyQualifiedName)
                .OrderBy(static n => n, StringComparer.Ordinal)
                .ToEquatableArray())
            .WithTrackingName(Steps.RegistryEntries);
        context.RegisterSourceOutput(entries, static (spc, types) => spc.AddSource(RegistryEmitter.HintName, RegistryEmitter.Emit(types)));
    }

    // Classes and record classes; the attributes' usage keeps them off structs.
    private static bool IsClass(SyntaxNode node) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax;

    // Each pipeline parses only the classes whose chosen attribute is its own, so a class with
    // both attributes is parsed once, through the attribute the analyzer reads it with.
    private static NodeModel? Parse(GeneratorAttributeSyntaxContext context, bool sendObject, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type
            || NodeAttributes.Choose(type) is not { } attribute
            || NodeAttributes.IsSendObject(attribute) != sendObject)
        {
            return null;
        }

        return NodeParser.Parse(type, attribute, new DiagnosticReporter(null, cancellationToken));
    }
}
