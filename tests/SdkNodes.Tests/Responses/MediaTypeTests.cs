namespace SdkNodes.Tests.Responses;

/// <summary>Which media types are text (kept in RawBody) and which are binary (never decoded).</summary>
public sealed class MediaTypeTests
{
    [Theory]
    [InlineData("text/plain")]
    [InlineData("TEXT/HTML; charset=utf-8")]
    [InlineData("text/csv")]
    [InlineData("application/json")]
    [InlineData("application/problem+json")]
    [InlineData("application/vnd.api+json; charset=utf-8")]
    [InlineData("application/xml")]
    [InlineData("application/soap+xml")]
    [InlineData("image/svg+xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/javascript")]
    [InlineData("application/yaml")]
    public void TextMediaTypes_AreNotBinary(string header)
    {
        Assert.False(MediaTypes.IsBinary(header, [0xFF, 0xFE]));
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData("image/png")]
    [InlineData("application/pdf")]
    [InlineData("application/zip")]
    [InlineData("application/x-protobuf")]
    [InlineData("audio/mpeg")]
    [InlineData("application/jsonx")]
    public void OtherMediaTypes_AreBinary_WhateverTheBytes(string header)
    {
        Assert.True(MediaTypes.IsBinary(header, "valid text"u8));
    }

    [Fact]
    public void WithoutAMediaType_OnlyValidUtf8IsText()
    {
        Assert.False(MediaTypes.IsBinary(null, "naïve"u8));
        Assert.False(MediaTypes.IsBinary("", []));
        Assert.True(MediaTypes.IsBinary(null, [0xC3]));
        Assert.True(MediaTypes.IsBinary(" ; charset=utf-8", [0xFF]));
    }

    [Theory]
    [InlineData("image/png", "image/png")]
    [InlineData("Text/Plain ; charset=utf-8", "Text/Plain")]
    [InlineData(";charset=utf-8", null)]
    [InlineData(null, null)]
    public void TheMediaType_IsTheHeaderWithoutItsParameters_AsSent(string? header, string? expected)
    {
        Assert.Equal(expected, MediaTypes.MediaTypeOf(header));
    }
}
