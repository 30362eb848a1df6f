using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SdkNodes.Generated;
using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Parsing;

/// <summary>A problem in a template: the message and where (index and length in the template text).</summary>
internal readonly record struct TemplateError(int Index, int Length, string Message);

/// <summary>
/// Parses an RFC 6570 URI template (levels 1 to 4) into literal and expression parts, at
/// build time. Literal text is percent-encoded here (RFC 6570 §3.1), so the generated code
/// copies it as it is.
/// </summary>
internal static class UriTemplateParser
{
    // Literals keep the characters a URI allows unencoded: the runtime's UriEscaper keeps
    // the same set for the + and # expansions (both read SdkNodes.Generated.UriSyntax).
    private const string Allowed = UriSyntax.Unreserved + UriSyntax.Reserved;

    // RFC 6570 §2.1: characters that may not appear in literals.
    private const string ForbiddenInLiterals = " \"'<>\\^`|";

    public static (List<TemplatePart> Parts, List<TemplateError> Errors) Parse(string template)
    {
        var parts = new List<TemplatePart>();
        var errors = new List<TemplateError>();
        var literal = new StringBuilder();
        int i = 0;
        while (i < template.Length)
        {
            char c = template[i];
            if (c == '{')
            {
                FlushLiteral(literal, parts);
                int close = template.IndexOf('}', i + 1);
                int nextOpen = template.IndexOf('{', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close))
                {
                    errors.Add(new TemplateError(i, 1, "the expression starting here has no closing '}'"));
                    return (parts, errors);
                }

                TemplatePart? expression = ParseExpression(template, i + 1, close, errors);
                if (expression is not null)
                {
                    parts.Add(expression);
                }

                i = close + 1;
                continue;
            }

            if (c == '}')
            {
                errors.Add(new TemplateError(i, 1, "'}' closes no expression"));
                i++;
                continue;
            }

            if (c == '%')
            {
                if (i + 2 < template.Length && IsHex(template[i + 1]) && IsHex(template[i + 2]))
                {
                    literal.Append(template, i, 3);
                    i += 3;
                }
                else
                {
                    errors.Add(new TemplateError(i, 1, "'%' must start a percent-encoded triplet such as %20"));
                    i++;
                }

                continue;
            }

            if (char.IsControl(c) || ForbiddenInLiterals.IndexOf(c) >= 0)
            {
                string shown = c == ' ' ? "a space" : char.IsControl(c) ? $"control character U+{(int)c:X4}" : $"'{c}'";
                errors.Add(new TemplateError(i, 1, $"{shown} is not allowed in a URI; write it percent-encoded ({PercentEncode(c.ToString())})"));
                i++;
                continue;
            }

            if (Allowed.IndexOf(c) >= 0)
            {
                literal.Append(c);
                i++;
                continue;
            }

            // Other Unicode text is copied percent-encoded as UTF-8.
            int length = char.IsHighSurrogate(c) && i + 1 < template.Length && char.IsLowSurrogate(template[i + 1]) ? 2 : 1;
            literal.Append(PercentEncode(template.Substring(i, length)));
            i += length;
        }

        FlushLiteral(literal, parts);
        return (parts, errors);
    }

    private static TemplatePart? ParseExpression(string template, int start, int end, List<TemplateError> errors)
    {
        if (start == end)
        {
            errors.Add(new TemplateError(start - 1, 2, "the expression is empty: name a variable, as in {id}"));
            return null;
        }

        UriOperatorKind op = UriOperatorKind.Simple;
        int i = start;
        switch (template[i])
        {
            case '+': op = UriOperatorKind.Reserved; i++; break;
            case '#': op = UriOperatorKind.Fragment; i++; break;
            case '.': op = UriOperatorKind.Label; i++; break;
            case '/': op = UriOperatorKind.PathSegment; i++; break;
            case ';': op = UriOperatorKind.PathParameter; i++; break;
            case '?': op = UriOperatorKind.Query; i++; break;
            case '&': op = UriOperatorKind.QueryContinuation; i++; break;
            case '=':
            case ',':
            case '!':
            case '@':
            case '|':
                errors.Add(new TemplateError(i, 1, $"operator '{template[i]}' is reserved for future extensions (RFC 6570 §2.2); use one of + # . / ; ? &"));
                return null;
        }

        var variables = new List<TemplateVariable>();
        while (true)
        {
            int nameStart = i;
            while (i < end && IsVarChar(template, i))
            {
                i += template[i] == '%' ? 3 : 1;
            }

            if (i == nameStart)
            {
                string what = i < end ? $"'{template[i]}' cannot start a variable name" : "a variable name is missing";
                errors.Add(new TemplateError(i < end ? i : end, 1, $"{what}; names use letters, digits, '_', '.' and percent-encoded triplets"));
                return null;
            }

            string name = template.Substring(nameStart, i - nameStart);
            if (name[0] == '.' || name[name.Length - 1] == '.' || name.Contains(".."))
            {
                errors.Add(new TemplateError(nameStart, name.Length, $"variable name '{name}' has a misplaced '.'"));
                return null;
            }

            int prefix = 0;
            bool explode = false;
            if (i < end && template[i] == ':')
            {
                int digitsStart = ++i;
                while (i < end && template[i] >= '0' && template[i] <= '9')
                {
                    i++;
                }

                string digits = template.Substring(digitsStart, i - digitsStart);
                if (digits.Length == 0 || digits.Length > 4 || digits[0] == '0')
                {
                    errors.Add(new TemplateError(digitsStart - 1, (i - digitsStart) + 1, $"the prefix of '{name}' must be a length from 1 to 9999, as in {{{name}:3}}"));
                    return null;
                }

                prefix = int.Parse(digits, CultureInfo.InvariantCulture);
            }
            else if (i < end && template[i] == '*')
            {
                explode = true;
                i++;
            }

            variables.Add(new TemplateVariable(name, prefix, explode, nameStart, TemplateVariable.Unbound));
            if (i == end)
            {
                break;
            }

            if (template[i] != ',')
            {
                errors.Add(new TemplateError(i, 1, $"'{template[i]}' is not allowed here; separate variables with ',' and close the expression with '}}'"));
                return null;
            }

            i++;
        }

        return new TemplatePart(null, op, variables.ToEquatableArray());
    }

    private static bool IsVarChar(string template, int i)
    {
        char c = template[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')
        {
            return true;
        }

        return c == '%' && i + 2 < template.Length && IsHex(template[i + 1]) && IsHex(template[i + 2]);
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static void FlushLiteral(StringBuilder literal, List<TemplatePart> parts)
    {
        if (literal.Length > 0)
        {
            parts.Add(TemplatePart.ForLiteral(literal.ToString()));
            literal.Clear();
        }
    }

    private static string PercentEncode(string text)
    {
        var encoded = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return encoded.ToString();
    }

    /// <summary>
    /// True when the template starts with a scheme (RFC 3986 §3.1), so it needs no base address.
    /// The runtime's test of an expanded address: an expression before the ':' stops the scan,
    /// so only a literal scheme counts here.
    /// </summary>
    public static bool IsAbsolute(string template) => UriSyntax.HasScheme(template);
}
