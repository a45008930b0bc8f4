using System.Buffers;
using Orleans.Serialization;

namespace OrleansFlow.State;

/// <summary>A list operator state (even-split or union) held on the heap; <see cref="IState.Clear"/> empties the list.</summary>
internal sealed class HeapOperatorListState<T>(string name, OperatorStateMode mode) : IListState<T>, IOperatorStateEntry
{
    private readonly List<T> _elements = [];

    public string Name { get; } = name;

    public OperatorStateMode Mode { get; } = mode;

    public Type? KeyType => null;

    public Type ValueType => typeof(T);

    public int Count => _elements.Count;

    public object Contents => _elements;

    public IReadOnlyList<T> Get() => _elements;

    public void Add(T value) => _elements.Add(value);

    public void AddAll(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _elements.AddRange(values);
    }

    public void Update(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var copy = values.ToList(); // values may be this list itself
        _elements.Clear();
        _elements.AddRange(copy);
    }

    public void Clear() => _elements.Clear();

    public void WritePayload(Serializer serializer, IBufferWriter<byte> output) => serializer.Serialize(_elements.ToArray(), output);

    public void AddRestored(Serializer serializer, ReadOnlyMemory<byte> payload, int skip, int take)
    {
        var elements = serializer.Deserialize<T[]>(payload) ?? [];
        if (skip < 0 || take < 0 || skip > elements.Length - take)
            throw new InvalidDataException($"Operator state '{Name}' holds {elements.Length} elements; elements [{skip}, {skip + take}) were asked for.");
        _elements.AddRange(elements.AsSpan(skip, take));
    }
}
