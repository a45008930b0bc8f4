using OrleansFlow.State;

namespace OrleansFlow.Api.Windowing;

/// <summary>
/// The trigger context and process-window context of a window operator: the current window, time from the operator's
/// timer service, and trigger state scoped per window (a map state per descriptor, keyed by window). Bound to the
/// timer service of the call it serves (<see cref="Bind"/>). Owner thread only.
/// </summary>
internal sealed class WindowFunctionContext<TWindow> : WindowContext<TWindow>, ITriggerContext where TWindow : struct, IWindow
{
    /// <summary>The prefix of the map states that hold trigger state.</summary>
    public const string TriggerStatePrefix = "window-trigger/";

    private readonly Dictionary<string, IWindowScopedState> _states = new(StringComparer.Ordinal);
    private IKeyedStateStore _store = null!;
    private ITimerService _timers = null!;

    /// <summary>The window the current trigger or function call is about.</summary>
    public TWindow Current;

    public void Open(IKeyedStateStore store) => _store = store;

    /// <summary>Uses <paramref name="timers"/> (of the current call's context) for time and timers.</summary>
    public void Bind(ITimerService timers) => _timers = timers;

    public override TWindow Window => Current;

    public override long CurrentWatermark => _timers.CurrentWatermark();

    public override long CurrentProcessingTime => _timers.CurrentProcessingTime();

    long ITriggerContext.CurrentWatermark => _timers.CurrentWatermark();

    long ITriggerContext.CurrentProcessingTime => _timers.CurrentProcessingTime();

    public void RegisterEventTimeTimer(long time) => _timers.RegisterEventTimeTimer(time);

    public void RegisterProcessingTimeTimer(long time) => _timers.RegisterProcessingTimeTimer(time);

    public void DeleteEventTimeTimer(long time) { } // timers are shared by the key's windows: never withdrawn (see ITriggerContext)

    public void DeleteProcessingTimeTimer(long time) { }

    public IValueState<T> GetState<T>(ValueStateDescriptor<T> descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (_states.TryGetValue(descriptor.Name, out var existing))
            return existing as WindowScopedValueState<TWindow, T> ?? throw new InvalidOperationException($"Trigger state '{descriptor.Name}' is already used with another type.");
        var state = new WindowScopedValueState<TWindow, T>(this, _store.GetMapState(new MapStateDescriptor<TWindow, T>(TriggerStatePrefix + descriptor.Name)), descriptor.DefaultValue);
        _states.Add(descriptor.Name, state);
        return state;
    }

    /// <summary>Drops every trigger state of the current key for <paramref name="window"/>.</summary>
    public void ClearStates(TWindow window)
    {
        foreach (var state in _states.Values) state.Remove(window);
    }
}
