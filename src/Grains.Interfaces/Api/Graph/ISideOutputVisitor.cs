namespace OrleansFlow.Api.Graph;

/// <summary>Gets the static record type of a side output (the task builds its writers with it).</summary>
internal interface ISideOutputVisitor<out TResult>
{
    TResult Visit<T>(SideOutputTransformation<T> sideOutput);
}
