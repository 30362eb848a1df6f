using System.Text;

namespace SdkNodes.Tests.Responses;

// RawBody is decoded lazily from a kept copy of the body; a large one is kept in chunks.
public sealed class KeptBodyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(KeptBody.ChunkBytes)]
    [InlineData(KeptBody.ChunkBytes + 1)]
    [InlineData(3 * KeptBody.ChunkBytes + 5)]
    public void A_kept_body_decodes_to_the_same_text_even_when_a_character_straddles_two_chunks(int asciiBefore)
    {
        // "é" and "€" are 2 and 3 bytes: placed around the chunk boundaries.
        string text = new string('a', Math.Max(0, asciiBefore - 1)) + "é€" + new string('b', KeptBody.ChunkBytes - 2) + "€";
        byte[] utf8 = Encoding.UTF8.GetBytes(text);

        object kept = KeptBody.Keep(utf8);

        Assert.Equal(text, KeptBody.Decode(kept));
        Assert.IsType<byte[][]>(kept);
    }

    [Fact]
    public void A_small_body_is_one_array_and_no_body_is_null()
    {
        Assert.IsType<byte[]>(KeptBody.Keep("{}"u8));
        Assert.Equal("{}", KeptBody.Decode(KeptBody.Keep("{}"u8)));
        Assert.Equal(string.Empty, KeptBody.Decode(KeptBody.Keep([])));
        Assert.Null(KeptBody.Decode(null));
    }
}
