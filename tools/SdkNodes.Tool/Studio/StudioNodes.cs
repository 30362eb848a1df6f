using System.Xml.Linq;

namespace SdkNodes.Tool.Studio;

/// <summary>The nodes the studio shows, by name, with each node's doc summary when the assembly has its XML docs beside it.</summary>
internal sealed class StudioNodes
{
    private readonly Dictionary<string, string> _summaries;

    public StudioNodes(string assemblyPath, IReadOnlyList<NodeDescriptor> nodes)
    {
        AssemblyName = Path.GetFileName(assemblyPath);
        All = [.. nodes.OrderBy(n => n.Name, StringComparer.Ordinal)];
        _summaries = ReadSummaries(Path.ChangeExtension(assemblyPath, ".xml"));
    }

    public string AssemblyName { get; }

    public IReadOnlyList<NodeDescriptor> All { get; }

    public NodeDescriptor? Find(string name)
        => All.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase))
           ?? All.FirstOrDefault(n => string.Equals(n.FullName, name, StringComparison.OrdinalIgnoreCase));

    public string? Summary(NodeDescriptor node) => _summaries.GetValueOrDefault(node.FullName);

    // The compiler's XML documentation file: <member name="T:Namespace.Type"><summary>…</summary>.
    // <c>x</c> and <see cref="T:Namespace.Type"/> become plain text; whitespace is folded.
    private static Dictionary<string, string> ReadSummaries(string xmlPath)
    {
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(xmlPath))
        {
            return summaries;
        }

        XDocument document;
        try
        {
            document = XDocument.Load(xmlPath);
        }
        catch (System.Xml.XmlException)
        {
            return summaries;
        }

        foreach (XElement member in document.Descendants("member"))
        {
            string? name = (string?)member.Attribute("name");
            if (name is null || !name.StartsWith("T:", StringComparison.Ordinal) || member.Element("summary") is not { } summary)
            {
                continue;
            }

            summaries[name[2..]] = string.Join(' ', PlainText(summary).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        return summaries;
    }

    private static string PlainText(XElement element) => string.Concat(element.Nodes().Select(node => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "see" or "seealso" } see => ShortName((string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? see.Value),
        XElement inner => PlainText(inner),
        _ => string.Empty,
    }));

    private static string ShortName(string cref)
    {
        string name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        int paren = name.IndexOf('(');
        name = paren >= 0 ? name[..paren] : name;
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
