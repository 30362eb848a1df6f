using SdkNodes.Tool.Studio;

namespace SdkNodes.Studio.Tests.Studio;

/// <summary>Which input a node's page gives each kind of parameter.</summary>
public sealed class InputKindsTests
{
    public enum Color { Red }

    public sealed record Payload(string Text);

    [Theory]
    [InlineData(typeof(string), NodeParameterBinding.UriVariable, nameof(InputKind.Text))]
    [InlineData(typeof(string), NodeParameterBinding.Body, nameof(InputKind.LongText))]
    [InlineData(typeof(int), NodeParameterBinding.UriVariable, nameof(InputKind.WholeNumber))]
    [InlineData(typeof(long?), NodeParameterBinding.Header, nameof(InputKind.WholeNumber))]
    [InlineData(typeof(decimal?), NodeParameterBinding.UriVariable, nameof(InputKind.Number))]
    [InlineData(typeof(bool), NodeParameterBinding.UriVariable, nameof(InputKind.Checkbox))]
    [InlineData(typeof(Color?), NodeParameterBinding.UriVariable, nameof(InputKind.Choice))]
    [InlineData(typeof(DateOnly), NodeParameterBinding.UriVariable, nameof(InputKind.Date))]
    [InlineData(typeof(DateTimeOffset?), NodeParameterBinding.UriVariable, nameof(InputKind.DateTime))]
    [InlineData(typeof(TimeOnly), NodeParameterBinding.UriVariable, nameof(InputKind.Time))]
    [InlineData(typeof(Guid), NodeParameterBinding.UriVariable, nameof(InputKind.Text))]
    [InlineData(typeof(Uri), NodeParameterBinding.Header, nameof(InputKind.Text))]
    [InlineData(typeof(string[]), NodeParameterBinding.UriVariable, nameof(InputKind.Json))]
    [InlineData(typeof(Dictionary<string, int>), NodeParameterBinding.UriVariable, nameof(InputKind.Json))]
    [InlineData(typeof(Payload), NodeParameterBinding.Body, nameof(InputKind.Json))]
    [InlineData(typeof(NodeFile), NodeParameterBinding.FilePart, nameof(InputKind.File))]
    public void AParameter_GetsTheInputForItsType(Type type, NodeParameterBinding binding, string expected)
    {
        var parameter = new NodeParameter("P", type, type.Name, binding, "p");

        Assert.Equal(expected, InputKinds.For(parameter, isSecret: false).ToString());
    }

    [Fact]
    public void ASecret_IsAPasswordInput_WhateverItsType()
        => Assert.Equal(InputKind.Password, InputKinds.For(new NodeParameter("Pin", typeof(int), "int", NodeParameterBinding.Header, "X-Pin"), isSecret: true));

    [Theory]
    [InlineData("2026-11-29T09:30:00Z", "2026-11-29T09:30:00")]
    [InlineData("2026-11-29T10:30:00+01:00", "2026-11-29T09:30:00")]
    [InlineData("not a time", "not a time")]
    public void ARememberedTime_IsShownInUtc_InTheBrowsersFormat(string remembered, string shown)
        => Assert.Equal(shown, PostedValues.ToBrowser(InputKind.DateTime, remembered));
}
