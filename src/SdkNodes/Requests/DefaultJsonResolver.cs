using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SdkNodes;

/// <summary>
/// The resolver used when the application gave none, chosen the way System.Text.Json chooses
/// it for <see cref="JsonSerializerOptions.Default"/>: reflection where the application allows
/// reflection by default, otherwise a resolver that knows no type.
/// </summary>
internal static class DefaultJsonResolver
{
    /// <summary>
    /// <see cref="DefaultJsonTypeInfoResolver"/> when <see cref="JsonSerializer.IsReflectionEnabledByDefault"/>
    /// is on; else a resolver that knows no type (what System.Text.Json's own default uses then),
    /// so a trimmed or native AOT application reads and writes only the types of its context.
    /// </summary>
    public static IJsonTypeInfoResolver Create()
        => JsonSerializer.IsReflectionEnabledByDefault ? Reflection() : JsonTypeInfoResolver.Combine();

    // PublishTrimmed and PublishAot turn the IsReflectionEnabledByDefault feature switch off,
    // and the trimmer and the AOT compiler read it as the constant false, so they remove the
    // call below and never see DefaultJsonTypeInfoResolver. Only the compiler's analyzer, which
    // cannot know the switch, is told to stand down, and only here: an application that turns
    // reflection back on under trimming gets the trimmer's warning for this call, as it should.
#pragma warning disable IL2026, IL3050 // reached only when reflection is enabled (see above)
    private static DefaultJsonTypeInfoResolver Reflection() => new();
#pragma warning restore IL2026, IL3050
}
