using System;
using System.Buffers;

namespace SdkNodes.Generated;

/// <summary>A growable character buffer rented from the array pool; returned by <see cref="ToStringAndClear"/>.</summary>
internal struct CharBuffer
{
    private char[] _chars;
    private int _length;

    public CharBuffer(int capacity)
    {
        _chars = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));
        _length = 0;
    }

    public void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _chars.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    public string ToStringAndClear()
    {
        string result = new(_chars, 0, _length);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
        _length = 0;
        return result;
    }

    private void Grow(int needed)
    {
        char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + needed));
        _chars.AsSpan(0, _length).CopyTo(larger);
        if (_chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_chars);
        }

        _chars = larger;
    }
}
