using System.Globalization;

namespace SdkNodes.Tests.Templates;

/// <summary>How each kind of value is written into a URI: invariant culture, ISO 8601, names for enums.</summary>
public class ValueKindTests
{
    [Fact]
    public void EveryValueKind_IsWrittenWithTheInvariantCulture_EvenUnderAnotherCulture()
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            IGeneratedNode node = new AllValueKinds
            {
                S = "a b",
                C = '&',
                B = true,
                Sb = -8,
                By = 255,
                Sh = -300,
                Us = 65535,
                I = -42,
                Ui = 42,
                L = -9_000_000_000,
                Ul = 18_000_000_000,
                F = 1.5f,
                D = -0.25,
                M = 1234.5m,
                E = Colour.DarkBlue,
                Flags = Access.Read | Access.Write,
                G = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
                Dt = new DateTime(2026, 11, 28, 1, 2, 3, DateTimeKind.Utc),
                Dto = new DateTimeOffset(2026, 11, 28, 1, 2, 3, TimeSpan.FromHours(2)),
                Do = new DateOnly(2026, 11, 28),
                To = new TimeOnly(13, 14, 15),
                Ts = TimeSpan.FromMinutes(90),
                Formatted = new DateTime(2026, 1, 2),
                Grouped = 1234567.891m,
                NullNumber = null,
                SetNumber = 7,
                Big = System.Numerics.BigInteger.Parse("123456789012345678901234567890", CultureInfo.InvariantCulture),
            };

            string uri = node.FormatUri(redactSecrets: false);

            Assert.Equal(
                "/kinds?s=a%20b&c=%26&b=true&sb=-8&by=255&sh=-300&us=65535&i=-42&ui=42&l=-9000000000&ul=18000000000"
                + "&f=1.5&d=-0.25&m=1234.5&e=DarkBlue&fl=Read%2C%20Write&g=0f8fad5b-d9cb-469f-a165-70867728950e"
                + "&dt=2026-11-28T01%3A02%3A03.0000000Z&dto=2026-11-28T01%3A02%3A03.0000000%2B02%3A00&do=2026-11-28"
                + "&to=13%3A14%3A15.0000000&ts=01%3A30%3A00&fmt=2026-01-02&cul=1%2C234%2C567.89&nn=7"
                + "&big=123456789012345678901234567890",
                uri);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void ListsAndMapsOfValueTypes_SkipNullMembers_AndEmptyOnesAreUndefined()
    {
        IGeneratedNode node = new CompositeValueKinds
        {
            Ids = [1, 22, 333],
            Flags = [true, false],
            When = new Dictionary<string, DateOnly> { ["from"] = new(2026, 1, 1), ["to"] = new(2026, 12, 31) },
            Scores = new Dictionary<string, double?> { ["a"] = 0.5, ["skip"] = null, ["b"] = 2 },
        };

        Assert.Equal(
            "/composites/1/22/333?flags=true,false&from=2026-01-01&to=2026-12-31&a=0.5&b=2",
            node.FormatUri(redactSecrets: false));

        IGeneratedNode empty = new CompositeValueKinds { Ids = [], Flags = null, When = new Dictionary<string, DateOnly>(), Scores = new() { ["x"] = null } };
        Assert.Equal("/composites", empty.FormatUri(redactSecrets: false));
    }
}
