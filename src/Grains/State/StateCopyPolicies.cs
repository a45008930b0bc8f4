using System.Runtime.CompilerServices;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Serializers;

namespace OrleansFlow.State;

/// <summary>
/// The <see cref="StateCopyPolicy{T}"/> of each state kind. A type is immutable when it holds no references, is a
/// string, or Orleans copies it shallowly (primitives, <c>[Immutable]</c> types); other values are deep-copied with
/// Orleans' copier (the one of the serializer that writes the snapshots, so every type that can be checkpointed can
/// be copied). User keys of map states are never copied: a key that changes would break any dictionary.
/// </summary>
internal static class StateCopyPolicies
{
    /// <summary>Value, reducing and aggregating states: a mutable value is copied before a fold and on a read.</summary>
    public static StateCopyPolicy<T> ForValue<T>(CodecProvider codecs)
    {
        if (IsImmutable<T>(codecs)) return StateCopyPolicy<T>.None;
        var copier = Copier<T>(codecs);
        return new StateCopyPolicy<T>(copyOnWrite: true, copyOnRead: true, value => copier.Copy(value)!);
    }

    /// <summary>List states: the list is copied before it is appended to, and on a read when its elements are mutable.</summary>
    public static StateCopyPolicy<List<T>> ForList<T>(CodecProvider codecs)
    {
        if (IsImmutable<T>(codecs)) return new StateCopyPolicy<List<T>>(copyOnWrite: true, copyOnRead: false, list => new List<T>(list));
        var copier = Copier<T>(codecs);
        return new StateCopyPolicy<List<T>>(copyOnWrite: true, copyOnRead: true, list => list.ConvertAll(item => copier.Copy(item)!));
    }

    /// <summary>Map states: the map is copied before a put or a removal, and on a read when its values are mutable.</summary>
    public static StateCopyPolicy<Dictionary<TUserKey, TValue>> ForMap<TUserKey, TValue>(CodecProvider codecs) where TUserKey : notnull
    {
        if (IsImmutable<TValue>(codecs))
            return new StateCopyPolicy<Dictionary<TUserKey, TValue>>(copyOnWrite: true, copyOnRead: false, map => new Dictionary<TUserKey, TValue>(map, map.Comparer));
        var copier = Copier<TValue>(codecs);
        return new StateCopyPolicy<Dictionary<TUserKey, TValue>>(copyOnWrite: true, copyOnRead: true, map =>
        {
            var copy = new Dictionary<TUserKey, TValue>(map.Count, map.Comparer);
            foreach (var (key, value) in map) copy.Add(key, copier.Copy(value)!);
            return copy;
        });
    }

    private static bool IsImmutable<T>(CodecProvider codecs) =>
        !RuntimeHelpers.IsReferenceOrContainsReferences<T>()
        || typeof(T) == typeof(string)
        || codecs.GetDeepCopier<T>() is IOptionalDeepCopier optional && optional.IsShallowCopyable();

    private static DeepCopier<T> Copier<T>(CodecProvider codecs) => new(codecs.GetDeepCopier<T>(), new CopyContextPool(codecs));
}
