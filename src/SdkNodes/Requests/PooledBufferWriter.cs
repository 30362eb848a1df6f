using System;
using System.Buffers;

namespace SdkNodes;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from a pool (<see cref="ArrayPool{T}.Shared"/>
/// unless a test gives its own). What was written is handed over with <see cref="Detach"/>;
/// whoever takes it returns the array to <see cref="Pool"/>.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _written;

    public PooledBufferWriter(int initialCapacity, ArrayPool<byte>? pool = null)
    {
        Pool = pool ?? ArrayPool<byte>.Shared;
        _buffer = Pool.Rent(initialCapacity);
    }

    /// <summary>Where the arrays come from and go back to.</summary>
    public ArrayPool<byte> Pool { get; }

    public void Advance(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _written))
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>The rented array and how much of it was written; the writer is empty afterwards.</summary>
    public (byte[] Buffer, int Length) Detach()
    {
        (byte[] Buffer, int Length) written = (_buffer, _written);
        _buffer = [];
        _written = 0;
        return written;
    }

    /// <summary>Returns the array to the pool when it was not handed over (writing failed).</summary>
    public void ReturnUnlessDetached()
    {
        if (_buffer.Length > 0)
        {
            Pool.Return(_buffer);
            _buffer = [];
        }
    }

    private void Reserve(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        byte[] larger = Pool.Rent(Math.Max(_buffer.Length * 2, _written + needed));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        Pool.Return(_buffer);
        _buffer = larger;
    }
}
