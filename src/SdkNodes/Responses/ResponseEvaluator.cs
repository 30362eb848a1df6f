using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace SdkNodes;

/// <summary>Decides whether an answer counts as success: the status code, then the body's error code.</summary>
internal static class ResponseEvaluator
{
    /// <summary>Whether an answer failed: its status first, then the error code in its body (UTF-8).</summary>
    public static NodeError? Judge(NodeDescriptor descriptor, int statusCode, ReadOnlySpan<byte> utf8)
        => CheckStatus(descriptor, statusCode) ?? CheckErrorCode(descriptor, utf8);

    /// <summary>A status failure with the node's mapped message, or a plain one; null when the code is a success code.</summary>
    public static NodeError? CheckStatus(NodeDescriptor descriptor, int statusCode)
    {
        if (descriptor.IsSuccessCode(statusCode))
        {
            return null;
        }

        string code = statusCode.ToString(CultureInfo.InvariantCulture);
        if (descriptor.StatusMessages.TryGetValue(statusCode, out string? mapped))
        {
            return new NodeError(NodeErrorKind.Status, code, mapped);
        }

        string reason = ReasonPhrase(statusCode);
        return new NodeError(NodeErrorKind.Status, code, $"The server answered {code} {reason}, which is not a success code for this node.");
    }

    /// <summary>An error-code failure when the body carries a code other than the success one; null otherwise.</summary>
    public static NodeError? CheckErrorCode(NodeDescriptor descriptor, ReadOnlySpan<byte> utf8)
    {
        if (descriptor.ErrorCodeField is not { } field || utf8.IsEmpty)
        {
            return null;
        }

        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            root = JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            // Not JSON: there is no code to read. Reading the body as the response type reports it.
            return null;
        }

        if (!TryResolve(root, field.PointerTokens, out JsonElement codeElement) || codeElement.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        string code = TextOf(codeElement);
        if (field.Success is not null && string.Equals(code, field.Success, StringComparison.Ordinal))
        {
            return null;
        }

        if (descriptor.ErrorCodeMessages.TryGetValue(code, out string? mapped))
        {
            return new NodeError(NodeErrorKind.ErrorCode, code, mapped);
        }

        if (field.MessagePointerTokens is { } messageTokens
            && TryResolve(root, messageTokens, out JsonElement messageElement)
            && messageElement.ValueKind != JsonValueKind.Null)
        {
            return new NodeError(NodeErrorKind.ErrorCode, code, TextOf(messageElement));
        }

        return new NodeError(NodeErrorKind.ErrorCode, code, $"The API answered with error code {code}.");
    }

    // RFC 6901 evaluation over tokens the generator already unescaped.
    private static bool TryResolve(JsonElement root, IReadOnlyList<string> tokens, out JsonElement found)
    {
        found = root;
        foreach (string token in tokens)
        {
            switch (found.ValueKind)
            {
                case JsonValueKind.Object when found.TryGetProperty(token, out JsonElement child):
                    found = child;
                    break;
                case JsonValueKind.Array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                                              && index < found.GetArrayLength():
                    found = found[index];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static string TextOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? string.Empty,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };

    private static string ReasonPhrase(int statusCode)
    {
        string name = Enum.IsDefined(typeof(HttpStatusCode), statusCode) ? ((HttpStatusCode)statusCode).ToString() : string.Empty;
        if (name.Length == 0)
        {
            return string.Empty;
        }

        // "NotFound" -> "(Not Found)"
        var words = new System.Text.StringBuilder(name.Length + 8).Append('(');
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                words.Append(' ');
            }

            words.Append(name[i]);
        }

        return words.Append(')').ToString();
    }
}
