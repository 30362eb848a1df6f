using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace SdkNodes.Tool.Studio;

/// <summary>
/// Builds an HTML page as text. Every value that comes from a node, a response or the user goes
/// through <see cref="Text"/> or <see cref="Attr"/>, which encode it; <see cref="Raw"/> is for the
/// page's own markup only.
/// </summary>
internal sealed class Html
{
    private readonly StringBuilder _text = new();

    public Html Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    public Html Text(string? value)
    {
        _text.Append(HtmlEncoder.Default.Encode(value ?? string.Empty));
        return this;
    }

    /// <summary>Appends <c> name="value"</c>, encoded.</summary>
    public Html Attr(string name, string? value)
    {
        _text.Append(' ').Append(name).Append("=\"").Append(HtmlEncoder.Default.Encode(value ?? string.Empty)).Append('"');
        return this;
    }

    /// <summary>Appends <c>&lt;tag&gt;text&lt;/tag&gt;</c>, the text encoded.</summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        _text.Append('<').Append(tag);
        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }

        _text.Append('>');
        Text(text);
        _text.Append("</").Append(tag).Append('>');
        return this;
    }

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public override string ToString() => _text.ToString();
}
