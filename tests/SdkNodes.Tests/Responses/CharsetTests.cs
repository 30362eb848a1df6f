namespace SdkNodes.Tests.Responses;

/// <summary>The charset is read from the raw Content-Type header, without parsing it into a MediaTypeHeaderValue.</summary>
public sealed class CharsetTests
{
    [Theory]
    [InlineData("application/json", "")]
    [InlineData("application/json; charset=utf-8", "utf-8")]
    [InlineData("text/plain;charset=ISO-8859-1", "ISO-8859-1")]
    [InlineData("text/plain; Charset = \"windows-1252\" ", "windows-1252")]
    [InlineData("text/html; q=1; charset=shift_jis; format=flowed", "shift_jis")]
    [InlineData("text/plain; charsetx=utf-16", "")]
    [InlineData("text/plain; =utf-16; charset=", "")]
    public void CharsetOf_FindsTheParameter(string mediaType, string expected)
    {
        Assert.Equal(expected, ResponseBytes.CharsetOf(mediaType).ToString());
    }
}
