namespace SdkNodes.Tests.Templates;

/// <summary>
/// RFC 6570 §3.2.1: the explode modifier only changes how a list or map expands, so on a
/// single value every operator expands exactly as without it ({/id*} with id = "person" is
/// /person).
/// </summary>
public class ExplodeSingleValueTests
{
    [Theory]
    [InlineData("person", 7, "/x/person;id=person;n=7.person/person/person?id=person&n=7&id=person#person")]
    [InlineData("a b/c", -1, "/x/a%20b%2Fc;id=a%20b%2Fc;n=-1.a%20b%2Fc/a%20b%2Fc/a%20b/c?id=a%20b%2Fc&n=-1&id=a%20b%2Fc#a%20b/c")]
    // An empty value: ';' writes the bare name, '?' and '&' write "name=" (RFC 6570 §3.2.7-9).
    [InlineData("", 0, "/x/;id;n=0.//?id=&n=0&id=#")]
    // Undefined values write nothing, exploded or not.
    [InlineData(null, null, "/x//")]
    public void ExplodeOnASingleValue_ExpandsAsWithoutIt(string? id, int? n, string expected)
    {
        IGeneratedNode exploded = new ExplodedSingleValues { Id = id, N = n };
        IGeneratedNode plain = new UnexplodedSingleValues { Id = id, N = n };

        string uri = exploded.FormatUri(redactSecrets: false);

        Assert.Equal(expected, uri);
        Assert.Equal(plain.FormatUri(redactSecrets: false), uri);
    }
}
