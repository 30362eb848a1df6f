using System.Globalization;

namespace SdkNodes.Tests.Templates;

public enum Colour { Red, DarkBlue }

[Flags]
public enum Access { None = 0, Read = 1, Write = 2 }

/// <summary>One query variable per value kind the templates accept.</summary>
[ApiRequest("GET", "/kinds{?s,c,b,sb,by,sh,us,i,ui,l,ul,f,d,m,e,fl,g,dt,dto,do,to,ts,fmt,cul,n,nn,big}")]
public sealed partial class AllValueKinds : IApiNode
{
    public string? S { get; init; }
    public char C { get; init; }
    public bool B { get; init; }
    public sbyte Sb { get; init; }
    public byte By { get; init; }
    public short Sh { get; init; }
    public ushort Us { get; init; }
    public int I { get; init; }
    public uint Ui { get; init; }
    public long L { get; init; }
    public ulong Ul { get; init; }
    public float F { get; init; }
    public double D { get; init; }
    public decimal M { get; init; }
    public Colour E { get; init; }
    [UriParam("fl")] public Access Flags { get; init; }
    public Guid G { get; init; }
    public DateTime Dt { get; init; }
    public DateTimeOffset Dto { get; init; }
    public DateOnly Do { get; init; }
    public TimeOnly To { get; init; }
    public TimeSpan Ts { get; init; }
    [Format("yyyy-MM-dd"), UriParam("fmt")] public DateTime Formatted { get; init; }
    [Format("N2"), UriParam("cul")] public decimal Grouped { get; init; }
    [UriParam("n")] public int? NullNumber { get; init; }
    [UriParam("nn")] public int? SetNumber { get; init; }
    public System.Numerics.BigInteger Big { get; init; }
}

/// <summary>Lists and maps of value types, nullable members included.</summary>
[ApiRequest("GET", "/composites{/ids*}{?flags,when*,scores*}")]
public sealed partial class CompositeValueKinds : IApiNode
{
    public int[]? Ids { get; init; }
    public IEnumerable<bool>? Flags { get; init; }
    public IReadOnlyDictionary<string, DateOnly>? When { get; init; }
    public Dictionary<string, double?>? Scores { get; init; }
}
