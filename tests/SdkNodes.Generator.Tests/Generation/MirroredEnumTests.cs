using SdkNodes.Generator.Model;

namespace SdkNodes.Generator.Tests.Generation;

/// <summary>
/// The generator (netstandard2.0, loaded into the compiler) cannot reference the runtime, so it
/// keeps its own copies of runtime enums and emits their members by name (and, for bindings,
/// by value). These tests fail when the two copies drift apart.
/// </summary>
public class MirroredEnumTests
{
    [Fact]
    public void PropertyBinding_MirrorsNodeParameterBinding()
        => AssertSameMembers(typeof(PropertyBinding), typeof(SdkNodes.NodeParameterBinding));

    [Fact]
    public void UriOperatorKind_MirrorsUriOperator()
        => AssertSameMembers(typeof(UriOperatorKind), typeof(SdkNodes.Generated.UriOperator));

    private static void AssertSameMembers(Type generator, Type runtime)
    {
        Assert.Equal(Members(runtime), Members(generator));
    }

    // Name and numeric value of each member, in declaration-value order.
    private static (string Name, long Value)[] Members(Type enumType)
        => Enum.GetValues(enumType).Cast<object>()
            .Select(v => (Enum.GetName(enumType, v)!, Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(m => m.Item2)
            .ToArray();
}
