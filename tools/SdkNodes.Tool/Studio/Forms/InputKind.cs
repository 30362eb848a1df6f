namespace SdkNodes.Tool.Studio;

/// <summary>The form control a parameter gets on a node's page.</summary>
internal enum InputKind
{
    Text,
    Password,
    WholeNumber,
    Number,
    Checkbox,
    Choice,
    Date,
    DateTime,
    Time,
    Json,
    LongText,
    File,
}

/// <summary>Chooses a parameter's <see cref="InputKind"/> from its type and binding.</summary>
internal static class InputKinds
{
    public static InputKind For(NodeParameter parameter, bool isSecret)
    {
        Type type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        if (isSecret)
        {
            return InputKind.Password;
        }

        if (type == typeof(NodeFile))
        {
            return InputKind.File;
        }

        if (type == typeof(bool))
        {
            return InputKind.Checkbox;
        }

        if (type.IsEnum)
        {
            return InputKind.Choice;
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
            || type == typeof(sbyte) || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort))
        {
            return InputKind.WholeNumber;
        }

        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return InputKind.Number;
        }

        if (type == typeof(DateOnly))
        {
            return InputKind.Date;
        }

        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return InputKind.DateTime;
        }

        if (type == typeof(TimeOnly))
        {
            return InputKind.Time;
        }

        if (type == typeof(string))
        {
            // A text body is written in a box of its own; any other string on one line.
            return parameter.Binding == NodeParameterBinding.Body ? InputKind.LongText : InputKind.Text;
        }

        // Lists, maps and JSON bodies: what the Test API reads as JSON (a list or map also
        // accepts a JSON array or object there). Other values (a Guid, a Uri) are one line of text.
        bool isCollection = type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type);
        return isCollection || parameter.Binding == NodeParameterBinding.Body || !type.IsPrimitive && !type.IsValueType && type != typeof(Uri)
            ? InputKind.Json
            : InputKind.Text;
    }
}
