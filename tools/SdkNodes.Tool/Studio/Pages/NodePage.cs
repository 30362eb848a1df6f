using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace SdkNodes.Tool.Studio.Pages;

/// <summary>
/// A node's page: what it sends, a form with one labelled, typed input per parameter and the
/// "Send test" button, and, after a send, the report. Secrets are password inputs and are never
/// written back into the page.
/// </summary>
internal static class NodePage
{
    public static IResult Render(
        StudioNodes nodes, NodeDescriptor node, NodeTester tester, AntiforgeryTokenSet tokens,
        IReadOnlyDictionary<string, string?> values, TestReport? report)
    {
        var html = new Html();
        html.Element("h1", node.Name);
        if (nodes.Summary(node) is { } summary)
        {
            html.Element("p", summary, "summary-text");
        }

        html.Raw("<p class=\"mono\"><span class=\"method\">").Text(node.Method).Raw("</span> ").Text(node.UriTemplate);
        if (node.ResponseTypeName is { } response)
        {
            html.Raw(" → ").Text(response);
        }

        html.Raw("</p>\n");
        if (node.CreateFromValues is null)
        {
            // The generator gives FromValues only to a node it can build from text: one with a
            // parameterless constructor whose required members are all public settable properties.
            html.Element("p", $"{node.Name} cannot be tested here: the Test API builds a node from text values, which needs a public parameterless constructor and required members that are public settable properties.", "error-box");
            return Layout.Page(node.Name, nodes.AssemblyName, html);
        }

        html.Raw("<form id=\"test-form\" method=\"post\" enctype=\"multipart/form-data\"").Attr("action", "/nodes/" + Uri.EscapeDataString(node.Name)).Raw(">\n");
        html.Raw("<input type=\"hidden\"").Attr("name", tokens.FormFieldName).Attr("value", tokens.RequestToken).Raw(">\n");
        if (node.Parameters.Count == 0)
        {
            html.Element("p", "This node has no parameters.", "note");
        }

        foreach (NodeParameter parameter in node.Parameters)
        {
            InputKind kind = InputKinds.For(parameter, tester.IsSecret(parameter));
            string? value = kind is InputKind.Password or InputKind.File ? null : PostedValues.ToBrowser(kind, values.GetValueOrDefault(parameter.Name));
            WriteField(html, parameter, kind, value);
        }

        html.Raw("<p class=\"note\">Empty fields are sent as null. Times are UTC. Secrets are neither remembered nor shown again.</p>\n");
        html.Raw("<button type=\"submit\">Send test</button>\n</form>\n");
        if (report is not null)
        {
            ReportView.Write(html, node, report);
        }

        return Layout.Page(node.Name, nodes.AssemblyName, html);
    }

    private static void WriteField(Html html, NodeParameter parameter, InputKind kind, string? value)
    {
        string id = "p-" + parameter.Name;
        html.Raw("<div class=\"field\">");
        html.Raw("<label").Attr("for", id).Raw(">").Text(parameter.Name).Raw("</label>");
        html.Raw("<span class=\"hint\"").Attr("id", id + "-hint").Raw(">");
        if (parameter.IsRequired)
        {
            html.Raw("<span class=\"required\">required</span> · ");
        }

        html.Raw("<code>").Text(parameter.TypeName).Raw("</code>").Text(" · " + Describe(parameter, kind)).Raw("</span>\n");
        switch (kind)
        {
            case InputKind.Checkbox:
                html.Raw("<input type=\"checkbox\" value=\"true\"").Attr("id", id).Attr("name", parameter.Name).Attr("aria-describedby", id + "-hint");
                if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                {
                    html.Raw(" checked");
                }

                html.Raw(">");
                break;
            case InputKind.Choice:
                Type type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
                html.Raw("<select").Attr("id", id).Attr("name", parameter.Name).Attr("aria-describedby", id + "-hint").Raw(">");
                html.Raw("<option value=\"\">(empty)</option>");
                foreach (string name in Enum.GetNames(type))
                {
                    html.Raw("<option").Attr("value", name);
                    if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
                    {
                        html.Raw(" selected");
                    }

                    html.Raw(">").Text(name).Raw("</option>");
                }

                html.Raw("</select>");
                break;
            case InputKind.Json or InputKind.LongText:
                html.Raw("<textarea spellcheck=\"false\"").Attr("id", id).Attr("name", parameter.Name).Attr("aria-describedby", id + "-hint " + id + "-error");
                if (kind == InputKind.Json)
                {
                    html.Raw(" data-json");
                }

                html.Raw(">").Text(value).Raw("</textarea>");
                html.Raw("<span class=\"field-error\" role=\"status\"").Attr("id", id + "-error").Raw(" hidden></span>");
                break;
            default:
                html.Raw("<input").Attr("type", HtmlType(kind)).Attr("id", id).Attr("name", parameter.Name).Attr("aria-describedby", id + "-hint");
                if (kind == InputKind.WholeNumber)
                {
                    html.Attr("step", "1");
                }
                else if (kind is InputKind.Number or InputKind.DateTime or InputKind.Time)
                {
                    html.Attr("step", kind == InputKind.Number ? "any" : "1");
                }

                if (kind == InputKind.Password)
                {
                    html.Attr("autocomplete", "off");
                }
                else if (kind != InputKind.File)
                {
                    html.Attr("value", value);
                }

                html.Raw(">");
                break;
        }

        html.Raw("</div>\n");
    }

    private static string HtmlType(InputKind kind) => kind switch
    {
        InputKind.Password => "password",
        InputKind.WholeNumber or InputKind.Number => "number",
        InputKind.Date => "date",
        InputKind.DateTime => "datetime-local",
        InputKind.Time => "time",
        InputKind.File => "file",
        _ => "text",
    };

    // Where the value goes and, for the inputs that need it, how to write it.
    private static string Describe(NodeParameter parameter, InputKind kind)
    {
        string where = parameter.Binding switch
        {
            NodeParameterBinding.UriVariable => $"URI {{{parameter.BindsTo}}}",
            NodeParameterBinding.Header => $"header {parameter.BindsTo}",
            NodeParameterBinding.Body => "body",
            NodeParameterBinding.FormField => $"form field {parameter.BindsTo}",
            NodeParameterBinding.FilePart => $"file part {parameter.BindsTo}",
            _ => "not sent",
        };
        string how = kind switch
        {
            InputKind.Json => " · JSON",
            InputKind.Password => " · secret",
            InputKind.DateTime => " · UTC",
            _ => string.Empty,
        };
        return string.Create(CultureInfo.InvariantCulture, $"{where}{how}");
    }
}
