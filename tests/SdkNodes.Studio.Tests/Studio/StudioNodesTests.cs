using SdkNodes.Tool.Studio;

namespace SdkNodes.Studio.Tests.Studio;

/// <summary>The node list's doc summaries, read from the XML documentation file beside the assembly.</summary>
public sealed class StudioNodesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sdknodes-studio-nodes-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static NodeDescriptor Node(string name) => new() { Name = name, FullName = "Contoso.Nodes." + name, Method = "GET", UriTemplate = "/x" };

    [Fact]
    public void Summaries_ComeFromTheXmlDocs_AsPlainText()
    {
        string assembly = Path.Combine(_directory, "Contoso.Nodes.dll");
        File.WriteAllText(Path.Combine(_directory, "Contoso.Nodes.xml"), """
            <?xml version="1.0"?>
            <doc><members>
              <member name="T:Contoso.Nodes.GetInvoice">
                <summary>
                  Reads an invoice as <c>application/json</c>; see <see cref="T:Contoso.Nodes.Invoice"/>.
                </summary>
              </member>
              <member name="P:Contoso.Nodes.GetInvoice.Id"><summary>Not a type.</summary></member>
            </members></doc>
            """);

        var nodes = new StudioNodes(assembly, [Node("GetInvoice"), Node("Undocumented")]);

        Assert.Equal("Reads an invoice as application/json; see Invoice.", nodes.Summary(nodes.Find("getinvoice")!));
        Assert.Null(nodes.Summary(nodes.Find("Undocumented")!));
        Assert.Equal(["GetInvoice", "Undocumented"], nodes.All.Select(n => n.Name));
    }

    [Fact]
    public void WithoutXmlDocs_OrWithABrokenFile_ThereAreNoSummaries()
    {
        File.WriteAllText(Path.Combine(_directory, "Broken.xml"), "<doc><members>");

        Assert.Null(new StudioNodes(Path.Combine(_directory, "Missing.dll"), [Node("A")]).Summary(Node("A")));
        Assert.Null(new StudioNodes(Path.Combine(_directory, "Broken.dll"), [Node("A")]).Summary(Node("A")));
    }
}
