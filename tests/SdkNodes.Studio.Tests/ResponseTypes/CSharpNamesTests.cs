using SdkNodes.Tool.Studio;

namespace SdkNodes.Studio.Tests;

public sealed class CSharpNamesTests
{
    [Theory]
    [InlineData("city", "City")]
    [InlineData("error_code", "ErrorCode")]
    [InlineData("ip-address", "IpAddress")]
    [InlineData("first name", "FirstName")]
    [InlineData("placedAt", "PlacedAt")]
    [InlineData("IPAddress", "IPAddress")]
    [InlineData("ERROR_CODE", "ErrorCode")]
    [InlineData("ID", "Id")]
    [InlineData("2fa", "_2fa")]
    [InlineData("class", "Class")]
    [InlineData("__arglist", "Arglist")]
    [InlineData("prénom", "Prénom")]
    [InlineData("$", "Property")]
    [InlineData("", "Property")]
    public void Pascal_MakesAnIdentifierFromAJsonName(string jsonName, string expected)
    {
        Assert.Equal(expected, CSharpNames.Pascal(jsonName, "Property"));
    }

    [Theory]
    [InlineData("Orders", "Order")]
    [InlineData("Addresses", "Address")]
    [InlineData("Categories", "Category")]
    [InlineData("Boxes", "Box")]
    [InlineData("Branches", "Branch")]
    [InlineData("Statuses", "Status")]
    [InlineData("URLs", "URL")]
    [InlineData("Status", "StatusItem")]
    [InlineData("Address", "AddressItem")]
    [InlineData("Data", "DataItem")]
    [InlineData("S", "SItem")]
    public void Singular_NamesOneElementOfAList_NeverLikeTheListItself(string list, string expected)
    {
        Assert.Equal(expected, CSharpNames.Singular(list));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("line\nbreak", "\"line\\u000abreak\"")]
    public void Literal_QuotesTextAsACSharpString(string text, string expected)
    {
        Assert.Equal(expected, CSharpNames.Literal(text));
    }
}
