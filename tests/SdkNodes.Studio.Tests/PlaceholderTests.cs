namespace SdkNodes.Studio.Tests;

public sealed class ProjectTests
{
    [Fact]
    public void TheToolAssembly_IsReferenced() => Assert.Equal("SdkNodes.Tool", typeof(SdkNodes.Tool.ToolException).Assembly.GetName().Name);
}
