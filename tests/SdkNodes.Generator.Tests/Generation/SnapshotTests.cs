using SdkNodes.Generator.Tests.Infrastructure;

namespace SdkNodes.Generator.Tests.Generation;

/// <summary>The generated executors, pinned by readable snapshot files under Snapshots/.</summary>
public class SnapshotTests
{
    [Theory]
    [InlineData(nameof(Sources.IpAttribution), "Contoso.Nodes.IpAttribution.g.cs")]
    [InlineData(nameof(Sources.PushOrder), "Contoso.Nodes.PushOrder.g.cs")]
    [InlineData(nameof(Sources.HeadWithOperators), "Contoso.Nodes.ProbeFile.g.cs")]
    [InlineData(nameof(Sources.SendSelectedFields), "Contoso.Nodes.PatchContact.g.cs")]
    [InlineData(nameof(Sources.ReserveSeat), "Contoso.Nodes.ReserveSeat.g.cs")]
    [InlineData(nameof(Sources.InheritedHeaders), "Contoso.Nodes.CheckStock.g.cs")]
    [InlineData(nameof(Sources.FormSubmit), "Contoso.Nodes.SubmitSignup.g.cs")]
    [InlineData(nameof(Sources.MultipartUpload), "Contoso.Nodes.UploadDocument.g.cs")]
    [InlineData(nameof(Sources.RawXml), "Contoso.Nodes.PutInvoiceXml.g.cs")]
    public void Node_GeneratesTheSnapshottedExecutor_ThatCompilesCleanly(string sourceName, string hintName)
    {
        string source = (string)typeof(Sources).GetField(sourceName)!.GetValue(null)!;

        GenerationResult result = GeneratorHarness.Generate(source);

        Assert.Empty(result.CompilationProblems);
        Snapshot.Match(hintName.Replace(".g.cs", string.Empty), result.Source(hintName));
    }

    [Fact]
    public void Registry_ListsEveryNonGenericNode_InNameOrder()
    {
        GenerationResult result = GeneratorHarness.Generate(Sources.PushOrder, Sources.IpAttribution);

        Assert.Empty(result.CompilationProblems);
        Snapshot.Match("NodeRegistry", result.Source("SdkNodes.NodeRegistry.g.cs"));
    }
}
