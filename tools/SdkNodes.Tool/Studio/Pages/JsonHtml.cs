using System.Text.Json;

namespace SdkNodes.Tool.Studio.Pages;

/// <summary>Writes a JSON document indented, with its names, strings, numbers and literals in classed spans for highlighting.</summary>
internal static class JsonHtml
{
    public static void Write(Html html, JsonElement element) => Write(html, element, 0);

    private static void Write(Html html, JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteContainer(html, element.EnumerateObject().ToList(), "{", "}", depth, (property, inner) =>
                {
                    html.Raw("<span class=\"k\">").Text(JsonSerializer.Serialize(property.Name)).Raw("</span>: ");
                    Write(html, property.Value, inner);
                });
                break;
            case JsonValueKind.Array:
                WriteContainer(html, element.EnumerateArray().ToList(), "[", "]", depth, (item, inner) => Write(html, item, inner));
                break;
            case JsonValueKind.String:
                html.Raw("<span class=\"s\">").Text(element.GetRawText()).Raw("</span>");
                break;
            case JsonValueKind.Number:
                html.Raw("<span class=\"n\">").Text(element.GetRawText()).Raw("</span>");
                break;
            default:
                html.Raw("<span class=\"l\">").Text(element.GetRawText()).Raw("</span>");
                break;
        }
    }

    private static void WriteContainer<T>(Html html, List<T> items, string open, string close, int depth, Action<T, int> writeItem)
    {
        if (items.Count == 0)
        {
            html.Text(open + close);
            return;
        }

        html.Text(open).Raw("\n");
        for (int i = 0; i < items.Count; i++)
        {
            html.Raw(new string(' ', (depth + 1) * 2));
            writeItem(items[i], depth + 1);
            html.Raw(i < items.Count - 1 ? ",\n" : "\n");
        }

        html.Raw(new string(' ', depth * 2)).Text(close);
    }
}
