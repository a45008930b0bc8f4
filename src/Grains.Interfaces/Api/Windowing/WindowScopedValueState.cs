using OrleansFlow.State;

namespace OrleansFlow.Api.Windowing;

/// <summary>A trigger's value state of the current key and window: an entry of a map state keyed by window.</summary>
internal sealed class WindowScopedValueState<TWindow, T>(WindowFunctionContext<TWindow> context, IMapState<TWindow, T> map, T defaultValue)
    : IValueState<T>, IWindowScopedState where TWindow : struct, IWindow
{
    public T Value => map.TryGetValue(context.Current, out var value) ? value : defaultValue;

    public bool TryGetValue(out T value) => map.TryGetValue(context.Current, out value);

    public void Update(T value) => map.Put(context.Current, value);

    public void Clear() => map.Remove(context.Current);

    public void Remove<TW>(TW window) where TW : struct, IWindow
    {
        if (window is TWindow own) map.Remove(own);
    }
}
