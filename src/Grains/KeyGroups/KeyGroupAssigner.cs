using System.Runtime.CompilerServices;

namespace OrleansFlow.KeyGroups;

/// <summary>
/// The hot-path form of <see cref="KeyGroupAssignment"/> for one max parallelism (and optionally one parallelism):
/// the same results, with the modulo done by multiplication (Lemire's fastmod) and the key group → subtask mapping
/// read from a table. Immutable and thread-safe.
/// </summary>
internal sealed class KeyGroupAssigner
{
    private readonly ulong _fastModMultiplier;
    private readonly uint _maxParallelism;
    private readonly int[] _operatorIndexOfKeyGroup;

    public KeyGroupAssigner(int maxParallelism, int parallelism = 1)
    {
        KeyGroupAssignment.CheckParallelismPreconditions(parallelism, maxParallelism);
        _maxParallelism = (uint)maxParallelism;
        _fastModMultiplier = ulong.MaxValue / _maxParallelism + 1;
        _operatorIndexOfKeyGroup = new int[maxParallelism];
        for (var kg = 0; kg < maxParallelism; kg++)
            _operatorIndexOfKeyGroup[kg] = KeyGroupAssignment.ComputeOperatorIndexForKeyGroup(maxParallelism, parallelism, kg);
    }

    /// <summary>Equals <see cref="KeyGroupAssignment.AssignToKeyGroup{TKey}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int KeyGroupOf<TKey>(TKey key) where TKey : notnull
    {
        var hash = (uint)MurmurHash.Hash(KeyHash.Of(key)); // non-negative
        return (int)Math.BigMul(_fastModMultiplier * hash, _maxParallelism, out _);
    }

    /// <summary>Equals <see cref="KeyGroupAssignment.ComputeOperatorIndexForKeyGroup"/> for the parallelism given at construction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int OperatorIndexOf(int keyGroup) => _operatorIndexOfKeyGroup[keyGroup];
}
