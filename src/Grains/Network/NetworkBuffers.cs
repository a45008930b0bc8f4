using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace OrleansFlow.Network;

/// <summary>
/// The size of one output buffer: the array a writer rents for a batch (<c>ArrayPool</c> rounds the length up to a power
/// of two), plus the key-group array of a keyBy edge. For records of a reference type the array holds references; the
/// objects they point to are the records' own memory, as with heap state, and are not counted.
/// </summary>
internal static class NetworkBuffers
{
    private static readonly MethodInfo Generic = typeof(NetworkBuffers).GetMethod(nameof(BufferBytes), 1, [typeof(int), typeof(bool), typeof(bool)])!;

    /// <summary>
    /// Bytes of one buffer of <paramref name="batchSize"/> records of <typeparamref name="T"/>, with a key group per
    /// record on a keyed edge and an event time per record when <paramref name="timestamped"/>.
    /// </summary>
    public static long BufferBytes<T>(int batchSize, bool keyed, bool timestamped = false)
    {
        long length = batchSize < 16 ? 16 : (long)BitOperations.RoundUpToPowerOf2((uint)batchSize);
        return length * Unsafe.SizeOf<T>() + (keyed ? length * sizeof(int) : 0) + (timestamped ? length * sizeof(long) : 0);
    }

    /// <summary>The same for a record type known only at run time (admission).</summary>
    public static long BufferBytes(Type recordType, int batchSize, bool keyed, bool timestamped = false) =>
        (long)Generic.MakeGenericMethod(recordType).Invoke(null, [batchSize, keyed, timestamped])!;
}
