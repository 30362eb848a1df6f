using System;

namespace SdkNodes;

/// <summary>A value that may have been skipped, whatever its type (see <see cref="NodeValue{T}"/>).</summary>
public interface INodeValue
{
    /// <summary>True when the value is skipped: the node it reads failed, timed out or did not run.</summary>
    bool IsSkipped { get; }

    /// <summary>Why it is skipped (the node's name and error), or null when it is not.</summary>
    string? SkipReason { get; }
}

/// <summary>
/// A value read from a node's output, or given as is. When the node did not succeed, the value
/// is <em>skipped</em> and carries the reason, instead of being null or default, so a workflow
/// applies the values that exist and reports the ones that do not.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
public readonly struct NodeValue<T> : INodeValue
{
    private readonly T? _value;

    private NodeValue(T? value, string? skipReason)
    {
        _value = value;
        SkipReason = skipReason;
    }

    /// <inheritdoc />
    public bool IsSkipped => SkipReason is not null;

    /// <inheritdoc />
    public string? SkipReason { get; }

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">The value is skipped; the message gives the reason.</exception>
    public T? Value => IsSkipped ? throw new InvalidOperationException($"The value is skipped: {SkipReason}") : _value;

    /// <summary>The value, or default when it is skipped.</summary>
    public T? ValueOrDefault => _value;

    /// <summary>A value that exists.</summary>
    public static NodeValue<T> Of(T? value) => new(value, null);

    /// <summary>A skipped value with its reason.</summary>
    public static NodeValue<T> Skipped(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(default, reason);
    }

    /// <summary>A plain value is a value that exists.</summary>
    public static implicit operator NodeValue<T>(T? value) => Of(value);

    /// <inheritdoc />
    public override string ToString() => IsSkipped ? $"skipped ({SkipReason})" : $"{_value}";
}
