using System;
using System.ComponentModel;
using System.Globalization;

namespace SdkNodes.Generated;

/// <summary>
/// Writes an RFC 6570 expansion. The generator parses the template at build time and emits
/// one call per literal and per variable, so nothing is parsed at run time: this type only
/// applies an operator's prefix, separator, naming and encoding rules (RFC 6570 Appendix A).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct UriTemplateWriter
{
    /// <summary>What a redacted secret is written as.</summary>
    public const string RedactedValue = Redaction.Mask;

    private CharBuffer _buffer;
    private UriOperator _operator;
    private bool _firstInExpression;

    // The list or map being written: its name, explode modifier, and how many members so far.
    private string _compositeName;
    private bool _compositeExplode;
    private int _compositeCount;

    /// <summary>Starts a writer with room for <paramref name="capacity"/> characters.</summary>
    public UriTemplateWriter(int capacity)
    {
        _buffer = new CharBuffer(capacity);
        _compositeName = string.Empty;
    }

    /// <summary>Appends template text outside expressions, already encoded by the generator.</summary>
    public void AppendLiteral(string encodedLiteral) => _buffer.Append(encodedLiteral);

    /// <summary>Starts an expression: the next defined variable gets the operator's first character.</summary>
    public void BeginExpression(UriOperator op)
    {
        _operator = op;
        _firstInExpression = true;
    }

    /// <summary>Appends a string variable; null is undefined and writes nothing.</summary>
    /// <param name="name">The variable name, used by the named operators (<c>;</c>, <c>?</c>, <c>&amp;</c>).</param>
    /// <param name="value">The value.</param>
    /// <param name="maxLength">The prefix modifier (<c>{var:3}</c>), or 0 for the whole value.</param>
    public void AppendString(string name, string? value, int maxLength = 0)
    {
        if (value is not null)
        {
            AppendText(name, value.AsSpan(), maxLength);
        }
    }

    /// <summary>Appends a <see cref="bool"/> as <c>true</c> or <c>false</c>.</summary>
    public void AppendBoolean(string name, bool value, int maxLength = 0)
        => AppendText(name, value ? "true" : "false", maxLength);

    /// <summary>Appends a <see cref="char"/>.</summary>
    public void AppendChar(string name, char value, int maxLength = 0)
    {
        ReadOnlySpan<char> text = [value];
        AppendText(name, text, maxLength);
    }

    /// <summary>Appends a value formatted with the invariant culture, without boxing it.</summary>
    public void AppendFormattable<T>(string name, T value, string? format, int maxLength = 0)
        where T : ISpanFormattable
    {
        Span<char> scratch = stackalloc char[128];
        AppendText(name, Format(value, format, scratch), maxLength);
    }

    /// <summary>Appends <see cref="RedactedValue"/> in place of a secret's value when the secret is defined.</summary>
    public void AppendRedacted(string name, bool isDefined)
    {
        if (!isDefined)
        {
            return;
        }

        WriteSeparatorAndName(name, isEmpty: false);
        _buffer.Append(RedactedValue);
    }

    /// <summary>
    /// Starts a list variable; its items follow through the <c>AppendItem</c> methods. A list
    /// with no defined item is undefined and writes nothing (RFC 6570 §2.3).
    /// </summary>
    public void BeginList(string name, bool explode) => BeginComposite(name, explode);

    /// <summary>
    /// Starts a map (associative array) variable; its pairs follow through the <c>AppendEntry</c>
    /// methods. A map with no defined pair is undefined and writes nothing.
    /// </summary>
    public void BeginMap(string name, bool explode) => BeginComposite(name, explode);

    /// <summary>Appends a list item; null is undefined and skipped.</summary>
    public void AppendItem(string? item)
    {
        if (item is not null)
        {
            AppendItemText(item);
        }
    }

    /// <summary>Appends a <see cref="bool"/> list item as <c>true</c> or <c>false</c>.</summary>
    public void AppendItemBoolean(bool item) => AppendItemText(item ? "true" : "false");

    /// <summary>Appends a <see cref="char"/> list item.</summary>
    public void AppendItemChar(char item)
    {
        ReadOnlySpan<char> text = [item];
        AppendItemText(text);
    }

    /// <summary>Appends a list item formatted with the invariant culture, without boxing it.</summary>
    public void AppendItemFormattable<T>(T item, string? format)
        where T : ISpanFormattable
    {
        Span<char> scratch = stackalloc char[128];
        AppendItemText(Format(item, format, scratch));
    }

    /// <summary>Appends a map pair; a null value is undefined and skipped.</summary>
    public void AppendEntry(string key, string? value)
    {
        if (value is not null)
        {
            AppendEntryText(key, value);
        }
    }

    /// <summary>Appends a map pair with a <see cref="bool"/> value.</summary>
    public void AppendEntryBoolean(string key, bool value) => AppendEntryText(key, value ? "true" : "false");

    /// <summary>Appends a map pair with a <see cref="char"/> value.</summary>
    public void AppendEntryChar(string key, char value)
    {
        ReadOnlySpan<char> text = [value];
        AppendEntryText(key, text);
    }

    /// <summary>Appends a map pair whose value is formatted with the invariant culture, without boxing it.</summary>
    public void AppendEntryFormattable<T>(string key, T value, string? format)
        where T : ISpanFormattable
    {
        Span<char> scratch = stackalloc char[128];
        AppendEntryText(key, Format(value, format, scratch));
    }

    /// <summary>Returns the expanded URI and releases the buffer.</summary>
    public string ToStringAndClear() => _buffer.ToStringAndClear();

    private void AppendText(string name, ReadOnlySpan<char> value, int maxLength)
    {
        if (maxLength > 0)
        {
            value = value[..UriEscaper.PrefixLength(value, maxLength)];
        }

        if (WriteSeparatorAndName(name, value.IsEmpty))
        {
            UriEscaper.Append(ref _buffer, value, AllowsReserved(_operator));
        }
    }

    private void BeginComposite(string name, bool explode)
    {
        _compositeName = name;
        _compositeExplode = explode;
        _compositeCount = 0;
    }

    // RFC 6570 Appendix A: an unexploded list is "name=" once, then items joined by ",";
    // an exploded list writes each item as if it were a variable of the list's name.
    private void AppendItemText(ReadOnlySpan<char> item)
    {
        bool allowReserved = AllowsReserved(_operator);
        if (_compositeExplode)
        {
            if (WriteSeparatorAndName(_compositeName, item.IsEmpty))
            {
                UriEscaper.Append(ref _buffer, item, allowReserved);
            }

            return;
        }

        if (_compositeCount++ == 0)
        {
            WriteSeparatorAndName(_compositeName, isEmpty: false);
        }
        else
        {
            _buffer.Append(',');
        }

        UriEscaper.Append(ref _buffer, item, allowReserved);
    }

    // An unexploded map is "name=" once, then key,value pairs joined by ","; an exploded map
    // writes key=value pairs joined by the operator's separator, the keys standing as names.
    private void AppendEntryText(string key, ReadOnlySpan<char> value)
    {
        bool allowReserved = AllowsReserved(_operator);
        if (_compositeExplode)
        {
            WriteSeparator();
            UriEscaper.Append(ref _buffer, key, allowReserved);
            if (value.IsEmpty && IsNamed(_operator))
            {
                if (_operator != UriOperator.PathParameter)
                {
                    _buffer.Append('=');
                }

                return;
            }

            _buffer.Append('=');
            UriEscaper.Append(ref _buffer, value, allowReserved);
            return;
        }

        if (_compositeCount++ == 0)
        {
            WriteSeparatorAndName(_compositeName, isEmpty: false);
        }
        else
        {
            _buffer.Append(',');
        }

        UriEscaper.Append(ref _buffer, key, allowReserved);
        _buffer.Append(',');
        UriEscaper.Append(ref _buffer, value, allowReserved);
    }

    // Writes the operator's first character or separator, then "name=" for the named
    // operators. Returns false when nothing more is to be written (an empty named value).
    private bool WriteSeparatorAndName(string name, bool isEmpty)
    {
        WriteSeparator();
        if (IsNamed(_operator))
        {
            _buffer.Append(name);
            if (isEmpty)
            {
                // ';' writes the bare name; '?' and '&' write "name=" (the operator's "ifemp").
                if (_operator != UriOperator.PathParameter)
                {
                    _buffer.Append('=');
                }

                return false;
            }

            _buffer.Append('=');
        }

        return true;
    }

    private void WriteSeparator()
    {
        UriOperator op = _operator;
        if (_firstInExpression)
        {
            _firstInExpression = false;
            char first = op switch
            {
                UriOperator.Fragment => '#',
                UriOperator.Label => '.',
                UriOperator.PathSegment => '/',
                UriOperator.PathParameter => ';',
                UriOperator.Query => '?',
                UriOperator.QueryContinuation => '&',
                _ => '\0',
            };
            if (first != '\0')
            {
                _buffer.Append(first);
            }
        }
        else
        {
            _buffer.Append(op switch
            {
                UriOperator.Label => '.',
                UriOperator.PathSegment => '/',
                UriOperator.PathParameter => ';',
                UriOperator.Query or UriOperator.QueryContinuation => '&',
                _ => ',',
            });
        }
    }

    // Formats into the caller's stack buffer; only a value too long for it becomes a string.
    private static ReadOnlySpan<char> Format<T>(T value, string? format, Span<char> scratch)
        where T : ISpanFormattable
        => value.TryFormat(scratch, out int written, format, CultureInfo.InvariantCulture)
            ? scratch[..written]
            : value.ToString(format, CultureInfo.InvariantCulture);

    private static bool IsNamed(UriOperator op) => op is UriOperator.PathParameter or UriOperator.Query or UriOperator.QueryContinuation;

    private static bool AllowsReserved(UriOperator op) => op is UriOperator.Reserved or UriOperator.Fragment;
}
