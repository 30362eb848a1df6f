using SdkNodes.Generated;
using SdkNodes.Generator.Model;
using SdkNodes.Generator.Parsing;

namespace SdkNodes.Generator.Tests.Generation;

/// <summary>
/// The build and the run time keep the same characters unencoded: a template literal (encoded
/// by the generator) keeps a character exactly when the runtime's reserved expansion of a value
/// does, and the scheme test gives one answer on both sides.
/// </summary>
public class UriCharacterSetTests
{
    // Printable ASCII but the braces, which delimit expressions in a template.
    public static TheoryData<char> AsciiCharacters()
    {
        var data = new TheoryData<char>();
        for (char c = ' '; c <= '~'; c++)
        {
            if (c is not ('{' or '}'))
            {
                data.Add(c);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AsciiCharacters))]
    public void AnAcceptedLiteralKeepsACharacter_ExactlyWhenTheRuntimesReservedExpansionDoes(char c)
    {
        string text = c.ToString();
        (List<TemplatePart> parts, List<TemplateError> errors) = UriTemplateParser.Parse(text);
        if (errors.Count > 0)
        {
            // RFC 6570 §2.1 refuses some characters in literals outright (SDKN003): the space,
            // '"', '\'', '<', '>', '\\', '^', '`', '|', and a '%' that starts no triplet.
            Assert.Contains(c, " \"'<>\\^`|%");
            return;
        }

        bool keptByGenerator = parts is [{ Literal: var literal }] && literal == text;

        Assert.Equal(ReservedExpansion(text) == text, keptByGenerator);
    }

    [Fact]
    public void TheApostrophe_IsRefusedInALiteral_ButKeptByAReservedExpansion()
    {
        // Reserved in RFC 3986, so '+' and '#' expansions keep it (RFC 6570 §3.2.3), yet not in
        // RFC 6570's literal grammar (§2.1): the one reserved character the two sides treat apart.
        Assert.NotEmpty(UriTemplateParser.Parse("'").Errors);
        Assert.Equal("'", ReservedExpansion("'"));
    }

    private static string ReservedExpansion(string value)
    {
        var writer = new UriTemplateWriter(8);
        writer.BeginExpression(UriOperator.Reserved);
        writer.AppendString("v", value);
        return writer.ToStringAndClear();
    }

    [Theory]
    [MemberData(nameof(AsciiCharacters))]
    public void ASimpleExpansionKeepsOnlyTheUnreservedCharacters(char c)
    {
        var writer = new UriTemplateWriter(8);
        writer.BeginExpression(UriOperator.Simple);
        writer.AppendString("v", c.ToString());

        Assert.Equal(UriSyntax.Unreserved.Contains(c), writer.ToStringAndClear() == c.ToString());
    }

    [Theory]
    [InlineData("https://host/x", true)]
    [InlineData("urn:isbn:1", true)]
    [InlineData("a+b-c.d:rest", true)]
    [InlineData("/orders/{id}", false)]
    [InlineData("orders:{id}", true)]
    [InlineData("{+base}/orders", false)]
    [InlineData("1http://host", false)]
    [InlineData("http", false)]
    [InlineData("", false)]
    public void TheTemplatesAbsolutenessIsTheSchemeTest(string template, bool absolute)
    {
        Assert.Equal(absolute, UriTemplateParser.IsAbsolute(template));
        Assert.Equal(absolute, UriSyntax.HasScheme(template));
    }
}
