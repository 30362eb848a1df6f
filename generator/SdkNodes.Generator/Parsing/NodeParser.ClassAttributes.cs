using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using SdkNodes.Generator.Diagnostics;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Parsing;

internal sealed partial class NodeParser
{
    // The attributes on the node class besides the node attribute itself. One reader reads one
    // class: Read makes it, fills it and returns what it found.
    private sealed class ClassAttributes
    {
        private const double MaxTimeoutSeconds = 300;

        private readonly NodeParser _parser;
        private readonly DiagnosticReporter _reporter;

        private ClassAttributes(NodeParser parser)
        {
            _parser = parser;
            _reporter = _parser._reporter;
        }

        private List<StaticHeaderModel> Headers { get; } = [];

        private List<int> SuccessCodes { get; } = [];

        private List<StatusMessageModel> StatusMessages { get; } = [];

        private List<CodeMessageModel> CodeMessages { get; } = [];

        private ErrorCodeFieldModel? ErrorCodeField { get; set; }

        private bool AbortOnFailure { get; set; }

        private long? TimeoutTicks { get; set; }

        /// <summary>From [MaxResponseBytes]; only a positive limit is carried.</summary>
        private long? MaxResponseBytes { get; set; }

        private bool UseProxy { get; set; }

        private bool ValidateCertificate { get; set; } = true;

        private int MaxRedirects { get; set; }

        public static ClassSettings Read(NodeParser parser)
        {
            var reader = new ClassAttributes(parser);
            reader.ReadAll();
            return new ClassSettings(
                reader.Headers.ToEquatableArray(),
                reader.SuccessCodes.ToEquatableArray(),
                reader.StatusMessages.ToEquatableArray(),
                reader.CodeMessages.ToEquatableArray(),
                reader.ErrorCodeField,
                reader.AbortOnFailure,
                reader.TimeoutTicks,
                reader.MaxResponseBytes,
                reader.UseProxy,
                reader.ValidateCertificate,
                reader.MaxRedirects);
        }

        private void ReadAll()
        {
            var statusMessageAttributes = new List<AttributeData>();
            bool hasSuccessCodes = false;
            foreach (AttributeData attribute in _parser._type.GetAttributes())
            {
                ImmutableArgs args = new(attribute);
                switch (AttributeName(attribute))
                {
                    case "SuccessCodesAttribute" when args.Count == 1:
                        hasSuccessCodes = true;
                        ReadSuccessCodes(attribute);
                        break;
                    case "ErrorMessageAttribute" when args.Count == 2:
                        ReadErrorMessage(attribute, statusMessageAttributes);
                        break;
                    case "ErrorCodeFieldAttribute" when args.Count == 1:
                        ReadErrorCodeField(attribute);
                        break;
                    case "OnFailureAttribute" when args.Count == 1 && args.Value(0) is int action:
                        AbortOnFailure = action == 1;
                        break;
                    case "TimeoutAttribute" when args.Count == 1 && args.Value(0) is { } seconds:
                        ReadTimeout(attribute, Convert.ToDouble(seconds, CultureInfo.InvariantCulture));
                        break;
                    case "MaxResponseBytesAttribute" when args.Count == 1 && args.Value(0) is { } bytes:
                        long limit = Convert.ToInt64(bytes, CultureInfo.InvariantCulture);
                        if (limit > 0)
                        {
                            MaxResponseBytes = limit;
                        }
                        else
                        {
                            _reporter.Report(DiagnosticDescriptors.ResponseLimitNotPositive, _reporter.ArgumentLocation(attribute, 0), _parser._name, limit);
                        }

                        break;
                    case "UseProxyAttribute":
                        UseProxy = true;
                        break;
                    case "FollowRedirectsAttribute":
                        ReadFollowRedirects(attribute);
                        break;
                    case "DisableCertificateValidationAttribute":
                        ValidateCertificate = false;
                        _reporter.Report(DiagnosticDescriptors.CertificateValidationOff, _reporter.SyntaxOf(attribute)?.GetLocation(), _parser._name);
                        break;
                    case "HeaderAttribute":
                        ReadHeader(attribute, args, inheritedFrom: null);
                        break;
                }
            }

            ReadInheritedHeaders();
            CheckMessagesForSuccessCodes(statusMessageAttributes, hasSuccessCodes);
        }

        // [Header(name, value)] on a base class applies to the node, as the base's properties do:
        // a family of nodes shares its Accept or API version in one place. The most derived class
        // that sets a name wins; one class setting a name twice sends both values, as on the node.
        // A base class need not be a node, nor partial: nothing is generated into it.
        private void ReadInheritedHeaders()
        {
            var setBelow = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (StaticHeaderModel header in Headers)
            {
                setBelow.Add(header.Name);
            }

            for (INamedTypeSymbol? type = _parser._type.BaseType; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
            {
                int before = Headers.Count;
                foreach (AttributeData attribute in type.GetAttributes())
                {
                    ImmutableArgs args = new(attribute);
                    if (AttributeName(attribute) == "HeaderAttribute" && !(args.Value(0) is string name && setBelow.Contains(name)))
                    {
                        ReadHeader(attribute, args, inheritedFrom: type);
                    }
                }

                for (int i = before; i < Headers.Count; i++)
                {
                    setBelow.Add(Headers[i].Name);
                }
            }
        }

        private void ReadSuccessCodes(AttributeData attribute)
        {
            TypedConstant codes = attribute.ConstructorArguments[0];
            if (codes.Kind != TypedConstantKind.Array)
            {
                return;
            }

            for (int i = 0; i < codes.Values.Length; i++)
            {
                if (codes.Values[i].Value is not int code)
                {
                    continue;
                }

                Location? location = _reporter.ArgumentLocation(attribute, codes.Values.Length == 1 ? 0 : i);
                if (code is < 100 or > 599)
                {
                    _reporter.Report(DiagnosticDescriptors.InvalidStatusCode, location, code, _parser._name, NotAStatusCode);
                }
                else if (SuccessCodes.Contains(code))
                {
                    _reporter.Report(DiagnosticDescriptors.InvalidStatusCode, location, FixProperties.RemoveArgument, code, _parser._name, "is listed twice in [SuccessCodes]");
                }
                else
                {
                    SuccessCodes.Add(code);
                }
            }
        }

        // SDKN008's wording for a code outside HTTP's range, shared by [SuccessCodes] and [ErrorMessage].
        private const string NotAStatusCode = "is not an HTTP status code; use 100 to 599";

        private void ReadErrorMessage(AttributeData attribute, List<AttributeData> statusMessageAttributes)
        {
            if (attribute.ConstructorArguments[1].Value is not string message)
            {
                return;
            }

            Location? location = _reporter.ArgumentLocation(attribute, 0);
            switch (attribute.ConstructorArguments[0].Value)
            {
                case int status when status is < 100 or > 599:
                    _reporter.Report(DiagnosticDescriptors.InvalidStatusCode, location, status, _parser._name, NotAStatusCode);
                    break;
                case int status when StatusMessages.Exists(m => m.Status == status):
                    _reporter.Report(DiagnosticDescriptors.InvalidStatusCode, location, FixProperties.RemoveAttribute, status, _parser._name, "has two error messages");
                    break;
                case int status:
                    StatusMessages.Add(new StatusMessageModel(status, message));
                    statusMessageAttributes.Add(attribute);
                    break;
                case string code when CodeMessages.Exists(m => m.Code == code):
                    _reporter.Report(DiagnosticDescriptors.RepeatedErrorCode, location, code, _parser._name);
                    break;
                case string code:
                    CodeMessages.Add(new CodeMessageModel(code, message));
                    break;
            }
        }

        // hasSuccessCodes: the class has [SuccessCodes], even one whose codes were all invalid,
        // so 2xx is not assumed to be success.
        private void CheckMessagesForSuccessCodes(List<AttributeData> statusMessageAttributes, bool hasSuccessCodes)
        {
            for (int i = 0; i < StatusMessages.Count; i++)
            {
                int status = StatusMessages[i].Status;
                bool isSuccess = hasSuccessCodes ? SuccessCodes.Contains(status) : status is >= 200 and <= 299;
                if (isSuccess)
                {
                    _reporter.Report(DiagnosticDescriptors.MessageForSuccessCode, _reporter.ArgumentLocation(statusMessageAttributes[i], 0), status, _parser._name);
                }
            }
        }

        private void ReadErrorCodeField(AttributeData attribute)
        {
            if (attribute.ConstructorArguments[0].Value is not string pointer)
            {
                return;
            }

            string? success = null;
            string? messagePointer = null;
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                switch (named.Key)
                {
                    case "Success":
                        success = named.Value.Value as string;
                        break;
                    case "MessagePointer":
                        messagePointer = named.Value.Value as string;
                        break;
                }
            }

            List<string>? tokens = ParsePointer(attribute, pointer, null);
            List<string>? messageTokens = messagePointer is null ? null : ParsePointer(attribute, messagePointer, "MessagePointer");
            if (tokens is null || (messagePointer is not null && messageTokens is null))
            {
                return;
            }

            ErrorCodeField = new ErrorCodeFieldModel(
                pointer,
                tokens.ToEquatableArray(),
                success,
                messagePointer,
                messageTokens?.ToEquatableArray());
        }

        private List<string>? ParsePointer(AttributeData attribute, string pointer, string? namedArgument)
        {
            (List<string>? tokens, TemplateError? error) = JsonPointerParser.Parse(pointer);
            if (error is { } e)
            {
                _reporter.Report(
                    DiagnosticDescriptors.MalformedJsonPointer,
                    _reporter.LocationInString(attribute, 0, namedArgument, e.Index, e.Length),
                    pointer,
                    e.Message);
            }

            return tokens;
        }

        private void ReadFollowRedirects(AttributeData attribute)
        {
            int max = 5;
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                if (named.Key == "MaxRedirects" && named.Value.Value is int value)
                {
                    max = value;
                }
            }

            if (max is < 1 or > 50)
            {
                _reporter.Report(
                    DiagnosticDescriptors.RedirectsOutOfRange,
                    _reporter.NamedArgumentLocation(attribute, "MaxRedirects"),
                    _parser._name,
                    max);
                return;
            }

            MaxRedirects = max;
        }

        private void ReadTimeout(AttributeData attribute, double seconds)
        {
            if (double.IsNaN(seconds) || seconds <= 0 || seconds > MaxTimeoutSeconds)
            {
                _reporter.Report(
                    DiagnosticDescriptors.TimeoutOutOfRange,
                    _reporter.ArgumentLocation(attribute, 0),
                    _parser._name,
                    seconds.ToString("0.###", CultureInfo.InvariantCulture));
                return;
            }

            TimeoutTicks = (long)Math.Round(seconds * TimeSpan.TicksPerSecond);
        }

        /// <param name="attribute">The [Header] on the node, or on one of its base classes.</param>
        /// <param name="args">Its arguments.</param>
        /// <param name="inheritedFrom">
        /// The base class it is on, or null for the node's own. A base class's problem is reported
        /// on the node's name: once per node, where the node is (the base may be compiled elsewhere,
        /// and need not be a node that reports its own).
        /// </param>
        private void ReadHeader(AttributeData attribute, ImmutableArgs args, INamedTypeSymbol? inheritedFrom)
        {
            if (args.Value(0) is not string name)
            {
                return;
            }

            // A value that is not a constant string is half-typed code: the compiler reports it.
            string? value = args.Count == 2 ? args.Value(1) as string : null;
            (string? problem, int argument) = args.Count == 1 ? ($"a header on the class needs a value: write [Header(\"{name}\", \"value\")]", 0)
                : value is null ? (null, 0)
                : HeaderRules.NameProblem(name) is { } nameProblem ? (nameProblem, 0)
                : (HeaderRules.ValueProblem(name, value), 1);

            if (problem is not null)
            {
                if (inheritedFrom is null)
                {
                    _reporter.Report(DiagnosticDescriptors.InvalidHeader, _reporter.ArgumentLocation(attribute, argument), $"[Header] of '{_parser._name}'", problem);
                }
                else
                {
                    _reporter.Report(
                        DiagnosticDescriptors.InvalidHeader,
                        _reporter.IdentifierLocation(_parser._type),
                        $"'{_parser._name}' inherits an invalid header from '{inheritedFrom.Name}'",
                        problem);
                }

                return;
            }

            if (value is not null)
            {
                Headers.Add(new StaticHeaderModel(name, value));
            }
        }
    }

    // Constructor arguments of an attribute, tolerant of half-typed code.
    private readonly struct ImmutableArgs(AttributeData attribute)
    {
        public int Count => attribute.ConstructorArguments.Length;

        public object? Value(int index) => index < Count && attribute.ConstructorArguments[index].Kind != TypedConstantKind.Error
            ? attribute.ConstructorArguments[index].Value
            : null;
    }
}
