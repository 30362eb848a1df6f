using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SdkNodes.Generator.Diagnostics;
using SdkNodes.Generator.Parsing;

namespace SdkNodes.Generator;

/// <summary>
/// Reports every rule a node class breaks, with the same parser the generator uses, so the
/// squiggles and the generated code never disagree.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NodeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        DiagnosticDescriptors.NotPartial,
        DiagnosticDescriptors.UnsupportedMethod,
        DiagnosticDescriptors.MalformedTemplate,
        DiagnosticDescriptors.UnknownVariable,
        DiagnosticDescriptors.UnboundProperty,
        DiagnosticDescriptors.UnsupportedType,
        DiagnosticDescriptors.BodyNotAllowed,
        DiagnosticDescriptors.InvalidStatusCode,
        DiagnosticDescriptors.MessageForSuccessCode,
        DiagnosticDescriptors.HeadWithBodyType,
        DiagnosticDescriptors.SecretInUrl,
        DiagnosticDescriptors.CertificateValidationOff,
        DiagnosticDescriptors.MalformedJsonPointer,
        DiagnosticDescriptors.UnknownField,
        DiagnosticDescriptors.TimeoutOutOfRange,
        DiagnosticDescriptors.VariableBoundTwice,
        DiagnosticDescriptors.MissingNodeInterface,
        DiagnosticDescriptors.BodyCount,
        DiagnosticDescriptors.InvalidHeader,
        DiagnosticDescriptors.TwoNodeAttributes,
        DiagnosticDescriptors.RedirectsOutOfRange,
        DiagnosticDescriptors.ResponseLimitNotPositive,
        DiagnosticDescriptors.RetryWithoutIdempotencyKey,
        DiagnosticDescriptors.RetryOutOfRange,
        DiagnosticDescriptors.CircuitBreakerOutOfRange,
        DiagnosticDescriptors.RateLimitOutOfRange,
        DiagnosticDescriptors.BodyWithFormFields,
        DiagnosticDescriptors.FilePartNotAFile,
        DiagnosticDescriptors.ContentTypeNotOnRawBody,
        DiagnosticDescriptors.MalformedContentType,
        DiagnosticDescriptors.ExplodeOnSingleValue,
        DiagnosticDescriptors.RepeatedErrorCode,
    ];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || NodeAttributes.Choose(type) is not { } attribute)
        {
            return;
        }

        NodeParser.Parse(type, attribute, new DiagnosticReporter(context.ReportDiagnostic, context.CancellationToken));
    }
}
