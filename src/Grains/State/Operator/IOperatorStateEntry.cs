using System.Buffers;
using Orleans.Serialization;

namespace OrleansFlow.State;

/// <summary>One registered operator state of an <see cref="OperatorStateBackend"/>: what a snapshot writes of it, and how restored elements enter it.</summary>
internal interface IOperatorStateEntry
{
    string Name { get; }

    OperatorStateMode Mode { get; }

    /// <summary>The map's key type (broadcast state), else null.</summary>
    Type? KeyType { get; }

    /// <summary>The element type (list) or value type (map).</summary>
    Type ValueType { get; }

    /// <summary>The content: the <c>List&lt;T&gt;</c> of a list, the <c>Dictionary&lt;TKey, TValue&gt;</c> of a map (live, not a copy).</summary>
    object Contents { get; }

    /// <summary>Elements or entries held.</summary>
    int Count { get; }

    /// <summary>Writes the elements (Orleans' serializer: <c>T[]</c>, or <c>int32 length | TKey[] | TValue[]</c> for a map).</summary>
    void WritePayload(Serializer serializer, IBufferWriter<byte> output);

    /// <summary>Adds elements <c>[skip, skip + take)</c> of a payload <see cref="WritePayload"/> wrote (a map takes all).</summary>
    void AddRestored(Serializer serializer, ReadOnlyMemory<byte> payload, int skip, int take);
}
