using System;
using System.Text;

namespace SdkNodes.Generator.Emitting;

/// <summary>Writes C# source line by line with managed indentation (after dotnet/runtime's SourceWriter).</summary>
internal sealed class SourceWriter
{
    private const char IndentationChar = ' ';
    private const int CharsPerIndentation = 4;

    private readonly StringBuilder _sb = new();
    private int _indentation;

    public int Indentation
    {
        get => _indentation;
        set
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value));
            }

            _indentation = value;
        }
    }

    public void WriteLine(char value)
    {
        AddIndentation();
        _sb.Append(value);
        _sb.AppendLine();
    }

    public void WriteLine(string text)
    {
        if (_indentation == 0)
        {
            _sb.AppendLine(text);
            return;
        }

        bool isFinalLine;
        ReadOnlySpan<char> remaining = text.AsSpan();
        do
        {
            ReadOnlySpan<char> line = NextLine(ref remaining, out isFinalLine);
            if (!line.IsEmpty)
            {
                AddIndentation();
            }

            _sb.Append(line.ToString());
            _sb.AppendLine();
        }
        while (!isFinalLine);
    }

    public void WriteLine() => _sb.AppendLine();

    /// <summary>Writes <paramref name="opening"/>, then "{", and indents until <see cref="CloseBlock"/>.</summary>
    public void OpenBlock(string opening)
    {
        WriteLine(opening);
        WriteLine('{');
        Indentation++;
    }

    /// <summary>Ends a block opened by <see cref="OpenBlock"/>, with an optional suffix such as ";".</summary>
    public void CloseBlock(string suffix = "")
    {
        Indentation--;
        WriteLine("}" + suffix);
    }

    public override string ToString() => _sb.ToString();

    private void AddIndentation() => _sb.Append(IndentationChar, CharsPerIndentation * _indentation);

    private static ReadOnlySpan<char> NextLine(ref ReadOnlySpan<char> remaining, out bool isFinalLine)
    {
        if (remaining.IsEmpty)
        {
            isFinalLine = true;
            return default;
        }

        ReadOnlySpan<char> next;
        int lineLength = remaining.IndexOf('\n');
        if (lineLength == -1)
        {
            lineLength = remaining.Length;
            isFinalLine = true;
            next = default;
        }
        else
        {
            next = remaining.Slice(lineLength + 1);
            isFinalLine = false;
        }

        if (lineLength > 0 && remaining[lineLength - 1] == '\r')
        {
            lineLength--;
        }

        ReadOnlySpan<char> line = remaining.Slice(0, lineLength);
        remaining = next;
        return line;
    }
}
