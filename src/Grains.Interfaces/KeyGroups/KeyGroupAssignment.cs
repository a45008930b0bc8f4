using System.Runtime.CompilerServices;

namespace OrleansFlow.KeyGroups;

/// <summary>
/// Pure functions that map keys to key groups and key groups to subtasks, with Flink's names and formulas
/// (<c>KeyGroupRangeAssignment</c>): invariants 1 and 2 of the design.
/// </summary>
public static class KeyGroupAssignment
{
    /// <summary>The lowest max parallelism the default rule gives.</summary>
    public const int DefaultLowerBoundMaxParallelism = 1 << 7;

    /// <summary>The highest max parallelism allowed.</summary>
    public const int UpperBoundMaxParallelism = 1 << 15;

    /// <summary>The key group of <paramref name="key"/>.</summary>
    public static int AssignToKeyGroup(object key, int maxParallelism) =>
        ComputeKeyGroupForKeyHash(KeyHash.OfObject(key), maxParallelism);

    /// <summary>The key group of a key of static type <typeparamref name="TKey"/> (no boxing for primitives).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int AssignToKeyGroup<TKey>(TKey key, int maxParallelism) where TKey : notnull =>
        ComputeKeyGroupForKeyHash(KeyHash.Of(key), maxParallelism);

    /// <summary><c>murmurHash(keyHash) % maxParallelism</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ComputeKeyGroupForKeyHash(int keyHash, int maxParallelism) =>
        MurmurHash.Hash(keyHash) % maxParallelism;

    /// <summary>The subtask that owns <paramref name="keyGroup"/>: <c>keyGroup * parallelism / maxParallelism</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ComputeOperatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroup) =>
        keyGroup * parallelism / maxParallelism;

    /// <summary>The key groups subtask <paramref name="operatorIndex"/> owns.</summary>
    public static KeyGroupRange ComputeKeyGroupRangeForOperatorIndex(int maxParallelism, int parallelism, int operatorIndex)
    {
        CheckParallelismPreconditions(parallelism, maxParallelism);
        if (operatorIndex < 0 || operatorIndex >= parallelism)
            throw new ArgumentOutOfRangeException(nameof(operatorIndex), operatorIndex, $"The operator index must be in [0, {parallelism}).");
        var start = (operatorIndex * maxParallelism + parallelism - 1) / parallelism;
        var end = ((operatorIndex + 1) * maxParallelism - 1) / parallelism;
        return new KeyGroupRange(start, end);
    }

    /// <summary>Flink's default: <c>min(max(roundUpToPowerOfTwo(p + p/2), 128), 32768)</c>.</summary>
    public static int ComputeDefaultMaxParallelism(int parallelism)
    {
        if (parallelism < 1) throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "Parallelism must be at least 1.");
        if (parallelism >= UpperBoundMaxParallelism) return UpperBoundMaxParallelism;
        var candidate = RoundUpToPowerOfTwo(parallelism + parallelism / 2);
        return Math.Min(Math.Max(candidate, DefaultLowerBoundMaxParallelism), UpperBoundMaxParallelism);
    }

    /// <summary>Throws a clear error unless <c>1 ≤ parallelism ≤ maxParallelism ≤ 32768</c>.</summary>
    public static void CheckParallelismPreconditions(int parallelism, int maxParallelism)
    {
        if (maxParallelism < 1 || maxParallelism > UpperBoundMaxParallelism)
            throw new ArgumentOutOfRangeException(nameof(maxParallelism), maxParallelism, $"Max parallelism must be in [1, {UpperBoundMaxParallelism}].");
        if (parallelism < 1 || parallelism > maxParallelism)
            throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, $"Parallelism must be in [1, max parallelism {maxParallelism}].");
    }

    private static int RoundUpToPowerOfTwo(int x) => x <= 1 ? 1 : (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)x);
}
