using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Parley.Web;

/// <summary>
/// Writes HTML where every piece of text from an article, a query or a store goes through the encoder:
/// only <see cref="Raw"/> takes markup, and it is only called with literals of this project.
/// </summary>
internal sealed class Html
{
    /// <summary>Encodes &lt; &gt; &amp; " ' and controls; leaves other scripts readable (Cyrillic stays Cyrillic).</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _sb = new();

    public Html Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _sb.Append(Encoder.Encode(text));
        }

        return this;
    }

    public Html Text(long number) => Raw(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>An element with encoded text content: Element("h1", title).</summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        Open(tag, cssClass);
        Text(text);
        return Raw("</" + tag + ">");
    }

    public Html Open(string tag, string? cssClass = null, params (string Name, string? Value)[] attributes)
    {
        _sb.Append('<').Append(tag);
        if (cssClass is not null)
        {
            Attr("class", cssClass);
        }

        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                Attr(name, value);
            }
        }

        _sb.Append('>');
        return this;
    }

    public Html Close(string tag) => Raw("</" + tag + ">");

    /// <summary>A link to a path of this site (built from ids and encoded query values).</summary>
    public Html Link(string href, string? text, string? cssClass = null, string? title = null)
    {
        Open("a", cssClass, ("href", href), ("title", title));
        Text(text);
        return Close("a");
    }

    public override string ToString() => _sb.ToString();

    public static string Url(string path, params (string Name, string? Value)[] query)
    {
        var sb = new StringBuilder(path);
        char sep = '?';
        foreach (var (name, value) in query)
        {
            if (!string.IsNullOrEmpty(value))
            {
                sb.Append(sep).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                sep = '&';
            }
        }

        return sb.ToString();
    }

    /// <summary>True for http and https addresses: the only ones an untrusted article may link to.</summary>
    public static bool IsSafeExternalUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    private void Attr(string name, string value)
    {
        _sb.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(value)).Append('"');
    }
}
