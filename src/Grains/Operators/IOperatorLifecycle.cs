namespace OrleansFlow.Operators;

/// <summary>
/// The lifecycle of an operator in a chain. The task calls, in chain order (head first): <see cref="Open"/> once after
/// deployment; <see cref="EndOfInput"/> once when every input ended (an operator may emit then); <see cref="IDisposable.Dispose"/>
/// when the task ends for any reason. Exceptions fail the task.
/// </summary>
internal interface IOperatorLifecycle : IDisposable
{
    void Open();

    void EndOfInput();
}
