using Microsoft.AspNetCore.Http;

namespace SdkNodes.Tool.Studio.Pages;

/// <summary>The node list: name, method, template and doc summary, with a search box (filtered as you type, or by the server for ?q=).</summary>
internal static class NodeListPage
{
    public static IResult Render(StudioNodes nodes, string? query)
    {
        string[] words = (query ?? string.Empty).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var html = new Html();
        html.Element("h1", "Nodes");
        html.Raw("<form class=\"search\" role=\"search\" method=\"get\" action=\"/\"><label for=\"node-search\">Search nodes</label>")
            .Raw("<input type=\"search\" id=\"node-search\" name=\"q\"").Attr("value", query).Raw("></form>\n");
        html.Raw("<table id=\"nodes\"><caption class=\"visually-hidden\">The nodes of ").Text(nodes.AssemblyName).Raw("</caption>\n")
            .Raw("<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Method</th><th scope=\"col\">Template</th><th scope=\"col\">Summary</th></tr></thead>\n<tbody>\n");
        int shown = 0;
        foreach (NodeDescriptor node in nodes.All)
        {
            string summary = nodes.Summary(node) ?? string.Empty;
            string searchable = $"{node.Name} {node.Method} {node.UriTemplate} {summary}".ToLowerInvariant();
            bool match = words.All(searchable.Contains);
            shown += match ? 1 : 0;
            html.Raw("<tr").Attr("data-search", searchable).Raw(match ? ">" : " hidden>")
                .Raw("<td><a").Attr("href", "/nodes/" + Uri.EscapeDataString(node.Name)).Raw(">").Text(node.Name).Raw("</a></td>")
                .Element("td", node.Method, "method")
                .Element("td", node.UriTemplate, "mono")
                .Element("td", summary)
                .Raw("</tr>\n");
        }

        html.Raw("</tbody></table>\n<p id=\"no-match\"").Raw(shown > 0 ? " hidden" : string.Empty).Raw(">No node matches the search.</p>\n");
        return Layout.Page("Nodes", nodes.AssemblyName, html);
    }
}
