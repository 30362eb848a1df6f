using SdkNodes.Tool.Studio;

namespace SdkNodes.Studio.Tests;

public sealed class ResponseTypeWriterTests
{
    private const string IpAnswer = """{"error_code":0,"province":"California","city":"Mountain View","isp":"Google"}""";

    private const string Order = """
        {
          "id": 1042,
          "placed_at": "2026-11-29T16:00:00+00:00",
          "customer": { "name": "Ada", "email": null },
          "lines": [
            { "sku": "A-1", "quantity": 2, "price": 9.5 },
            { "sku": "B-7", "quantity": 1, "price": 20, "note": "gift wrap" }
          ],
          "total": 39.0
        }
        """;

    [Fact]
    public void TheSampleIpAnswer_IsOneRecord_WithAnAttributeOnlyOnTheSnakeCaseName()
    {
        Assert.Equal("""
            using System.Text.Json.Serialization;

            public sealed record IpResponse(
                [property: JsonPropertyName("error_code")] int ErrorCode,
                string Province,
                string City,
                string Isp);

            """, ResponseTypeWriter.Write(IpAnswer, "IpResponse"));
    }

    [Fact]
    public void TheSampleIpAnswer_ReadIntoTheWrittenRecord_ComesBackUnchanged()
    {
        string code = ResponseTypeWriter.Write(IpAnswer, "IpResponse");

        Assert.Equal(IpAnswer, ResponseTypeCompiler.RoundTrip(code, "IpResponse", IpAnswer));
    }

    [Fact]
    public void AnOrder_GetsARecordPerNestedObject_RootFirst_WithArrayElementsNamedInTheSingular()
    {
        Assert.Equal("""
            using System;
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Text.Json.Serialization;

            public sealed record Order(
                int Id,
                [property: JsonPropertyName("placed_at")] DateTimeOffset PlacedAt,
                Customer Customer,
                IReadOnlyList<Line> Lines,
                decimal Total);

            public sealed record Customer(
                string Name,
                JsonElement? Email);

            public sealed record Line(
                string Sku,
                int Quantity,
                decimal Price,
                string? Note);

            """, ResponseTypeWriter.Write(Order, "Order"));
    }

    [Fact]
    public void AnOrder_ReadIntoTheWrittenRecords_KeepsEveryValue()
    {
        string code = ResponseTypeWriter.Write(Order, "Order");

        // Written back: the missing note as null, the date-time in the reader's own format.
        Assert.Equal(
            """{"id":1042,"placed_at":"2026-11-29T16:00:00+00:00","customer":{"name":"Ada","email":null},"lines":[{"sku":"A-1","quantity":2,"price":9.5,"note":null},{"sku":"B-7","quantity":1,"price":20,"note":"gift wrap"}],"total":39.0}""",
            ResponseTypeCompiler.RoundTrip(code, "Order", Order));
    }

    [Fact]
    public void ArrayElements_AreUnified_NumbersWidening_MixedKindsAndEmptyArraysBeingJsonElement()
    {
        const string json = """
            {
              "counts": [1, 2, 3],
              "big": [1, 9007199254740993],
              "amounts": [1, 2.5],
              "maybe": [1, null],
              "mixed": [1, "one", true],
              "empty": [],
              "grid": [[1, 2], [3]],
              "stamps": ["2026-01-01T00:00:00Z", "2026-01-02T08:30:00+01:00"],
              "days": ["2026-01-01", "2026-01-01T00:00:00Z"]
            }
            """;

        Assert.Equal("""
            using System;
            using System.Collections.Generic;
            using System.Text.Json;

            public sealed record Lists(
                IReadOnlyList<int> Counts,
                IReadOnlyList<long> Big,
                IReadOnlyList<decimal> Amounts,
                IReadOnlyList<int?> Maybe,
                IReadOnlyList<JsonElement> Mixed,
                IReadOnlyList<JsonElement> Empty,
                IReadOnlyList<IReadOnlyList<int>> Grid,
                IReadOnlyList<DateTimeOffset> Stamps,
                IReadOnlyList<string> Days);

            """, ResponseTypeWriter.Write(json, "Lists"));
    }

    [Fact]
    public void ObjectsInAnArray_AreMerged_APropertyMissingOrNullInSomeBeingNullable()
    {
        const string json = """
            {
              "people": [
                { "name": "Ada", "age": 36, "nick": null },
                { "name": "Alan", "email": "alan@example.org", "nick": "Al" },
                { "name": "Grace", "age": 85 }
              ]
            }
            """;

        Assert.Equal("""
            using System.Collections.Generic;

            public sealed record Team(
                IReadOnlyList<PeopleItem> People);

            public sealed record PeopleItem(
                string Name,
                int? Age,
                string? Nick,
                string? Email);

            """, ResponseTypeWriter.Write(json, "Team"));
    }

    [Fact]
    public void ArraysAndMergedObjects_ReadIntoTheWrittenRecords_KeepEveryValue()
    {
        const string json = """{"counts":[1,2],"big":[1,9007199254740993],"amounts":[1,2.5],"maybe":[1,null],"mixed":[1,"one",true],"empty":[],"grid":[[1,2],[3]],"people":[{"name":"Ada","age":36},{"name":"Alan","email":"alan@example.org"}]}""";
        string code = ResponseTypeWriter.Write(json, "Lists");

        Assert.Equal(
            """{"counts":[1,2],"big":[1,9007199254740993],"amounts":[1,2.5],"maybe":[1,null],"mixed":[1,"one",true],"empty":[],"grid":[[1,2],[3]],"people":[{"name":"Ada","age":36,"email":null},{"name":"Alan","age":null,"email":"alan@example.org"}]}""",
            ResponseTypeCompiler.RoundTrip(code, "Lists", json));
    }

    [Fact]
    public void KeywordsAndOddNames_BecomePascalCaseIdentifiers_WithTheirJsonNamesKept()
    {
        const string json = """
            {
              "class": "A",
              "2fa": true,
              "first name": "Ada",
              "ip-address": "10.0.0.1",
              "ERROR_CODE": 3,
              "ID": 7,
              "toString": "x",
              "$": 1,
              "say \"hi\"": "hi",
              "first_name": "A",
              "firstName": "B"
            }
            """;

        Assert.Equal("""
            using System.Text.Json.Serialization;

            public sealed record Odd(
                string Class,
                [property: JsonPropertyName("2fa")] bool _2fa,
                [property: JsonPropertyName("first name")] string FirstName,
                [property: JsonPropertyName("ip-address")] string IpAddress,
                [property: JsonPropertyName("ERROR_CODE")] int ErrorCode,
                int Id,
                [property: JsonPropertyName("toString")] string ToString2,
                [property: JsonPropertyName("$")] int Property,
                [property: JsonPropertyName("say \"hi\"")] string SayHi,
                [property: JsonPropertyName("first_name")] string FirstName2,
                [property: JsonPropertyName("firstName")] string FirstName3);

            """, ResponseTypeWriter.Write(json, "Odd"));
    }

    [Fact]
    public void KeywordsAndOddNames_ReadIntoTheWrittenRecord_KeepEveryValue()
    {
        const string json = """{"class":"A","2fa":true,"first name":"Ada","ip-address":"10.0.0.1","ERROR_CODE":3,"toString":"x","$":1,"$id":"x1","say \"hi\"":"hi","first_name":"A","firstName":"B","odd":{"odd":1}}""";
        string code = ResponseTypeWriter.Write(json, "Odd");

        // Written back with the serializer's own escaping of the quotes in a name.
        Assert.Equal(json.Replace("\\\"", "\\u0022", StringComparison.Ordinal), ResponseTypeCompiler.RoundTrip(code, "Odd", json));
    }

    [Fact]
    public void NamesDifferingOnlyInCase_AreOneProperty_AsTheCaseInsensitiveReaderSeesThem()
    {
        const string json = """{"name":"a","Name":2}""";
        string code = ResponseTypeWriter.Write(json, "Named");

        Assert.Equal("""
            using System.Text.Json;

            public sealed record Named(
                JsonElement Name);

            """, code);
        // Two properties, Name and Name2 for "Name", would collide in the reader; one reads the last.
        Assert.Equal("""{"name":2}""", ResponseTypeCompiler.RoundTrip(code, "Named", json));
    }

    [Fact]
    public void ObjectsOfOneShapeUnderOneName_ShareARecord_AndOtherShapesUnderItGetANumber()
    {
        const string json = """
            {
              "home": { "address": { "city": "Paris" } },
              "work": { "address": { "city": "Lyon" } },
              "other": { "address": { "street": "Main" } }
            }
            """;

        Assert.Equal("""
            public sealed record Places(
                Home Home,
                Work Work,
                Other Other);

            public sealed record Home(
                Address Address);

            public sealed record Address(
                string City);

            public sealed record Work(
                Address Address);

            public sealed record Other(
                Address2 Address);

            public sealed record Address2(
                string Street);

            """, ResponseTypeWriter.Write(json, "Places"));
    }

    [Fact]
    public void NamesTakenByARecordsOwnMembersOrByTheTypesUsed_GetANumber_AndStillRead()
    {
        const string json = """{"odd":{"odd":1},"equals":2,"jsonElement":{"a":3},"tags":[{"x":4},null,{"y":"2026-01-01T00:00:00Z"}],"other":null}""";
        string code = ResponseTypeWriter.Write(json, "Root");

        Assert.Equal("""
            using System;
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Text.Json.Serialization;

            public sealed record Root(
                Odd Odd,
                [property: JsonPropertyName("equals")] int Equals2,
                JsonElement2 JsonElement,
                IReadOnlyList<Tag?> Tags,
                JsonElement? Other);

            public sealed record Odd(
                [property: JsonPropertyName("odd")] int Odd2);

            public sealed record JsonElement2(
                int A);

            public sealed record Tag(
                int? X,
                DateTimeOffset? Y);

            """, code);
        Assert.Equal(
            """{"odd":{"odd":1},"equals":2,"jsonElement":{"a":3},"tags":[{"x":4,"y":null},null,{"x":null,"y":"2026-01-01T00:00:00+00:00"}],"other":null}""",
            ResponseTypeCompiler.RoundTrip(code, "Root", json));
    }

    [Fact]
    public void ARootArray_GivesTheElementRecord_AndSaysTheResponseIsAList()
    {
        const string json = """[{"id":1,"name":"Ada"},{"id":2,"name":"Alan"}]""";

        Assert.Equal("""
            // TResponse: IReadOnlyList<User>

            public sealed record User(
                int Id,
                string Name);

            """, ResponseTypeWriter.Write(json, "Users"));
    }

    [Fact]
    public void ARootArray_ReadIntoTheWrittenList_KeepsEveryValue()
    {
        const string json = """[{"id":1,"name":"Ada"},{"id":2,"name":"Alan"}]""";
        string code = ResponseTypeWriter.Write(json, "Users");

        Assert.Equal(json, ResponseTypeCompiler.RoundTrip(code, "IReadOnlyList<User>", json));
    }

    [Theory]
    [InlineData("42", "int")]
    [InlineData("4294967296", "long")]
    [InlineData("1.25", "decimal")]
    [InlineData("\"hello\"", "string")]
    [InlineData("\"2026-11-29T16:00:00Z\"", "DateTimeOffset")]
    [InlineData("true", "bool")]
    [InlineData("null", "JsonElement?")]
    [InlineData("[1, 2]", "IReadOnlyList<int>")]
    [InlineData("[]", "IReadOnlyList<JsonElement>")]
    public void ARootPrimitive_IsOneCommentGivingTheCSharpType(string json, string type)
    {
        Assert.Equal($"// TResponse: {type}\n", ResponseTypeWriter.Write(json, "Response"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("{\"a\":1")]
    public void ABodyThatIsNotJson_IsRefused_WithAMessageSayingSo(string body)
    {
        var refused = Assert.Throws<FormatException>(() => ResponseTypeWriter.Write(body, "Response"));

        Assert.StartsWith("The response body is not JSON", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnObjectWithMoreThanSixtyFourProperties_IsReadThroughItsConstructor()
    {
        string json = "{" + string.Join(",", Enumerable.Range(1, 70).Select(i => $"\"p{i}\":{i}")) + "}";
        string code = ResponseTypeWriter.Write(json, "Wide");

        Assert.Equal(json, ResponseTypeCompiler.RoundTrip(code, "Wide", json));
    }
}
