namespace SdkNodes.Tests;

// Placeholder so the project has a test until the runtime tests land.
public class Smoke
{
    [Fact]
    public void Runtime_CanBeCreatedWithDefaultOptions()
    {
        using var runtime = new NodeRuntime(new NodeRuntimeOptions());
        Assert.NotNull(runtime.JsonSerializerOptions);
    }
}
