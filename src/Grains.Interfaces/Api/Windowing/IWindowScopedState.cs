namespace OrleansFlow.Api.Windowing;

/// <summary>A trigger state kept per window, which the window operator clears with the window.</summary>
internal interface IWindowScopedState
{
    void Remove<TWindow>(TWindow window) where TWindow : struct, IWindow;
}
