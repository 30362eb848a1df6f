using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Parsing;

internal sealed partial class NodeParser
{
    // What ClassAttributes.Read found on the node class; None is a class without any of them.
    private sealed record ClassSettings(
        EquatableArray<StaticHeaderModel> Headers,
        EquatableArray<int> SuccessCodes,
        EquatableArray<StatusMessageModel> StatusMessages,
        EquatableArray<CodeMessageModel> CodeMessages,
        ErrorCodeFieldModel? ErrorCodeField,
        bool AbortOnFailure,
        long? TimeoutTicks,
        long? MaxResponseBytes,
        bool UseProxy,
        bool ValidateCertificate,
        int MaxRedirects)
    {
        public static ClassSettings None { get; } = new(
            EquatableArray<StaticHeaderModel>.Empty,
            EquatableArray<int>.Empty,
            EquatableArray<StatusMessageModel>.Empty,
            EquatableArray<CodeMessageModel>.Empty,
            ErrorCodeField: null,
            AbortOnFailure: false,
            TimeoutTicks: null,
            MaxResponseBytes: null,
            UseProxy: false,
            ValidateCertificate: true,
            MaxRedirects: 0);
    }
}
