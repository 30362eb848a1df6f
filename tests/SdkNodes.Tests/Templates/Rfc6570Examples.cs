// The examples of RFC 6570 §3.2 (levels 1 to 4), one generated node per template, all
// sharing the RFC's variables through Rfc6570Variables. Expected expansions are the RFC's;
// where it allows several orders for a map, the first (the map's insertion order).
using SdkNodes;

namespace SdkNodes.Tests.Templates;

[ApiRequest("GET", "{count}")] public sealed partial class Rfc001 : Rfc6570Variables;
[ApiRequest("GET", "{count*}")] public sealed partial class Rfc002 : Rfc6570Variables;
[ApiRequest("GET", "{/count}")] public sealed partial class Rfc003 : Rfc6570Variables;
[ApiRequest("GET", "{/count*}")] public sealed partial class Rfc004 : Rfc6570Variables;
[ApiRequest("GET", "{;count}")] public sealed partial class Rfc005 : Rfc6570Variables;
[ApiRequest("GET", "{;count*}")] public sealed partial class Rfc006 : Rfc6570Variables;
[ApiRequest("GET", "{?count}")] public sealed partial class Rfc007 : Rfc6570Variables;
[ApiRequest("GET", "{?count*}")] public sealed partial class Rfc008 : Rfc6570Variables;
[ApiRequest("GET", "{&count*}")] public sealed partial class Rfc009 : Rfc6570Variables;
[ApiRequest("GET", "{var}")] public sealed partial class Rfc010 : Rfc6570Variables;
[ApiRequest("GET", "{hello}")] public sealed partial class Rfc011 : Rfc6570Variables;
[ApiRequest("GET", "{half}")] public sealed partial class Rfc012 : Rfc6570Variables;
[ApiRequest("GET", "O{empty}X")] public sealed partial class Rfc013 : Rfc6570Variables;
[ApiRequest("GET", "O{undef}X")] public sealed partial class Rfc014 : Rfc6570Variables;
[ApiRequest("GET", "{x,y}")] public sealed partial class Rfc015 : Rfc6570Variables;
[ApiRequest("GET", "{x,hello,y}")] public sealed partial class Rfc016 : Rfc6570Variables;
[ApiRequest("GET", "?{x,empty}")] public sealed partial class Rfc017 : Rfc6570Variables;
[ApiRequest("GET", "?{x,undef}")] public sealed partial class Rfc018 : Rfc6570Variables;
[ApiRequest("GET", "?{undef,y}")] public sealed partial class Rfc019 : Rfc6570Variables;
[ApiRequest("GET", "{var:3}")] public sealed partial class Rfc020 : Rfc6570Variables;
[ApiRequest("GET", "{var:30}")] public sealed partial class Rfc021 : Rfc6570Variables;
[ApiRequest("GET", "{list}")] public sealed partial class Rfc022 : Rfc6570Variables;
[ApiRequest("GET", "{list*}")] public sealed partial class Rfc023 : Rfc6570Variables;
[ApiRequest("GET", "{keys}")] public sealed partial class Rfc024 : Rfc6570Variables;
[ApiRequest("GET", "{keys*}")] public sealed partial class Rfc025 : Rfc6570Variables;
[ApiRequest("GET", "{+var}")] public sealed partial class Rfc026 : Rfc6570Variables;
[ApiRequest("GET", "{+hello}")] public sealed partial class Rfc027 : Rfc6570Variables;
[ApiRequest("GET", "{+half}")] public sealed partial class Rfc028 : Rfc6570Variables;
[ApiRequest("GET", "{base}index")] public sealed partial class Rfc029 : Rfc6570Variables;
[ApiRequest("GET", "{+base}index")] public sealed partial class Rfc030 : Rfc6570Variables;
[ApiRequest("GET", "O{+empty}X")] public sealed partial class Rfc031 : Rfc6570Variables;
[ApiRequest("GET", "O{+undef}X")] public sealed partial class Rfc032 : Rfc6570Variables;
[ApiRequest("GET", "{+path}/here")] public sealed partial class Rfc033 : Rfc6570Variables;
[ApiRequest("GET", "here?ref={+path}")] public sealed partial class Rfc034 : Rfc6570Variables;
[ApiRequest("GET", "up{+path}{var}/here")] public sealed partial class Rfc035 : Rfc6570Variables;
[ApiRequest("GET", "{+x,hello,y}")] public sealed partial class Rfc036 : Rfc6570Variables;
[ApiRequest("GET", "{+path,x}/here")] public sealed partial class Rfc037 : Rfc6570Variables;
[ApiRequest("GET", "{+path:6}/here")] public sealed partial class Rfc038 : Rfc6570Variables;
[ApiRequest("GET", "{+list}")] public sealed partial class Rfc039 : Rfc6570Variables;
[ApiRequest("GET", "{+list*}")] public sealed partial class Rfc040 : Rfc6570Variables;
[ApiRequest("GET", "{+keys}")] public sealed partial class Rfc041 : Rfc6570Variables;
[ApiRequest("GET", "{+keys*}")] public sealed partial class Rfc042 : Rfc6570Variables;
[ApiRequest("GET", "{#var}")] public sealed partial class Rfc043 : Rfc6570Variables;
[ApiRequest("GET", "{#hello}")] public sealed partial class Rfc044 : Rfc6570Variables;
[ApiRequest("GET", "{#half}")] public sealed partial class Rfc045 : Rfc6570Variables;
[ApiRequest("GET", "foo{#empty}")] public sealed partial class Rfc046 : Rfc6570Variables;
[ApiRequest("GET", "foo{#undef}")] public sealed partial class Rfc047 : Rfc6570Variables;
[ApiRequest("GET", "{#x,hello,y}")] public sealed partial class Rfc048 : Rfc6570Variables;
[ApiRequest("GET", "{#path,x}/here")] public sealed partial class Rfc049 : Rfc6570Variables;
[ApiRequest("GET", "{#path:6}/here")] public sealed partial class Rfc050 : Rfc6570Variables;
[ApiRequest("GET", "{#list}")] public sealed partial class Rfc051 : Rfc6570Variables;
[ApiRequest("GET", "{#list*}")] public sealed partial class Rfc052 : Rfc6570Variables;
[ApiRequest("GET", "{#keys}")] public sealed partial class Rfc053 : Rfc6570Variables;
[ApiRequest("GET", "{#keys*}")] public sealed partial class Rfc054 : Rfc6570Variables;
[ApiRequest("GET", "{.who}")] public sealed partial class Rfc055 : Rfc6570Variables;
[ApiRequest("GET", "{.who,who}")] public sealed partial class Rfc056 : Rfc6570Variables;
[ApiRequest("GET", "{.half,who}")] public sealed partial class Rfc057 : Rfc6570Variables;
[ApiRequest("GET", "www{.dom*}")] public sealed partial class Rfc058 : Rfc6570Variables;
[ApiRequest("GET", "X{.var}")] public sealed partial class Rfc059 : Rfc6570Variables;
[ApiRequest("GET", "X{.empty}")] public sealed partial class Rfc060 : Rfc6570Variables;
[ApiRequest("GET", "X{.undef}")] public sealed partial class Rfc061 : Rfc6570Variables;
[ApiRequest("GET", "X{.var:3}")] public sealed partial class Rfc062 : Rfc6570Variables;
[ApiRequest("GET", "X{.list}")] public sealed partial class Rfc063 : Rfc6570Variables;
[ApiRequest("GET", "X{.list*}")] public sealed partial class Rfc064 : Rfc6570Variables;
[ApiRequest("GET", "X{.keys}")] public sealed partial class Rfc065 : Rfc6570Variables;
[ApiRequest("GET", "X{.keys*}")] public sealed partial class Rfc066 : Rfc6570Variables;
[ApiRequest("GET", "X{.empty_keys}")] public sealed partial class Rfc067 : Rfc6570Variables;
[ApiRequest("GET", "X{.empty_keys*}")] public sealed partial class Rfc068 : Rfc6570Variables;
[ApiRequest("GET", "{/who}")] public sealed partial class Rfc069 : Rfc6570Variables;
[ApiRequest("GET", "{/who,who}")] public sealed partial class Rfc070 : Rfc6570Variables;
[ApiRequest("GET", "{/half,who}")] public sealed partial class Rfc071 : Rfc6570Variables;
[ApiRequest("GET", "{/who,dub}")] public sealed partial class Rfc072 : Rfc6570Variables;
[ApiRequest("GET", "{/var}")] public sealed partial class Rfc073 : Rfc6570Variables;
[ApiRequest("GET", "{/var,empty}")] public sealed partial class Rfc074 : Rfc6570Variables;
[ApiRequest("GET", "{/var,undef}")] public sealed partial class Rfc075 : Rfc6570Variables;
[ApiRequest("GET", "{/var,x}/here")] public sealed partial class Rfc076 : Rfc6570Variables;
[ApiRequest("GET", "{/var:1,var}")] public sealed partial class Rfc077 : Rfc6570Variables;
[ApiRequest("GET", "{/list}")] public sealed partial class Rfc078 : Rfc6570Variables;
[ApiRequest("GET", "{/list*}")] public sealed partial class Rfc079 : Rfc6570Variables;
[ApiRequest("GET", "{/list*,path:4}")] public sealed partial class Rfc080 : Rfc6570Variables;
[ApiRequest("GET", "{/keys}")] public sealed partial class Rfc081 : Rfc6570Variables;
[ApiRequest("GET", "{/keys*}")] public sealed partial class Rfc082 : Rfc6570Variables;
[ApiRequest("GET", "{;who}")] public sealed partial class Rfc083 : Rfc6570Variables;
[ApiRequest("GET", "{;half}")] public sealed partial class Rfc084 : Rfc6570Variables;
[ApiRequest("GET", "{;empty}")] public sealed partial class Rfc085 : Rfc6570Variables;
[ApiRequest("GET", "{;v,empty,who}")] public sealed partial class Rfc086 : Rfc6570Variables;
[ApiRequest("GET", "{;v,bar,who}")] public sealed partial class Rfc087 : Rfc6570Variables;
[ApiRequest("GET", "{;x,y}")] public sealed partial class Rfc088 : Rfc6570Variables;
[ApiRequest("GET", "{;x,y,empty}")] public sealed partial class Rfc089 : Rfc6570Variables;
[ApiRequest("GET", "{;x,y,undef}")] public sealed partial class Rfc090 : Rfc6570Variables;
[ApiRequest("GET", "{;hello:5}")] public sealed partial class Rfc091 : Rfc6570Variables;
[ApiRequest("GET", "{;list}")] public sealed partial class Rfc092 : Rfc6570Variables;
[ApiRequest("GET", "{;list*}")] public sealed partial class Rfc093 : Rfc6570Variables;
[ApiRequest("GET", "{;keys}")] public sealed partial class Rfc094 : Rfc6570Variables;
[ApiRequest("GET", "{;keys*}")] public sealed partial class Rfc095 : Rfc6570Variables;
[ApiRequest("GET", "{?who}")] public sealed partial class Rfc096 : Rfc6570Variables;
[ApiRequest("GET", "{?half}")] public sealed partial class Rfc097 : Rfc6570Variables;
[ApiRequest("GET", "{?x,y}")] public sealed partial class Rfc098 : Rfc6570Variables;
[ApiRequest("GET", "{?x,y,empty}")] public sealed partial class Rfc099 : Rfc6570Variables;
[ApiRequest("GET", "{?x,y,undef}")] public sealed partial class Rfc100 : Rfc6570Variables;
[ApiRequest("GET", "{?var:3}")] public sealed partial class Rfc101 : Rfc6570Variables;
[ApiRequest("GET", "{?list}")] public sealed partial class Rfc102 : Rfc6570Variables;
[ApiRequest("GET", "{?list*}")] public sealed partial class Rfc103 : Rfc6570Variables;
[ApiRequest("GET", "{?keys}")] public sealed partial class Rfc104 : Rfc6570Variables;
[ApiRequest("GET", "{?keys*}")] public sealed partial class Rfc105 : Rfc6570Variables;
[ApiRequest("GET", "{&who}")] public sealed partial class Rfc106 : Rfc6570Variables;
[ApiRequest("GET", "{&half}")] public sealed partial class Rfc107 : Rfc6570Variables;
[ApiRequest("GET", "?fixed=yes{&x}")] public sealed partial class Rfc108 : Rfc6570Variables;
[ApiRequest("GET", "{&x,y,empty}")] public sealed partial class Rfc109 : Rfc6570Variables;
[ApiRequest("GET", "{&var:3}")] public sealed partial class Rfc110 : Rfc6570Variables;
[ApiRequest("GET", "{&list}")] public sealed partial class Rfc111 : Rfc6570Variables;
[ApiRequest("GET", "{&list*}")] public sealed partial class Rfc112 : Rfc6570Variables;
[ApiRequest("GET", "{&keys}")] public sealed partial class Rfc113 : Rfc6570Variables;
[ApiRequest("GET", "{&keys*}")] public sealed partial class Rfc114 : Rfc6570Variables;

internal static class Rfc6570Examples
{
    /// <summary>Each template with a factory for its node and the RFC's expected expansion.</summary>
    public static readonly IReadOnlyList<(string Template, Func<Rfc6570Variables> Create, string Expected)> All =
    [
        ("{count}", () => new Rfc001(), "one,two,three"),
        ("{count*}", () => new Rfc002(), "one,two,three"),
        ("{/count}", () => new Rfc003(), "/one,two,three"),
        ("{/count*}", () => new Rfc004(), "/one/two/three"),
        ("{;count}", () => new Rfc005(), ";count=one,two,three"),
        ("{;count*}", () => new Rfc006(), ";count=one;count=two;count=three"),
        ("{?count}", () => new Rfc007(), "?count=one,two,three"),
        ("{?count*}", () => new Rfc008(), "?count=one&count=two&count=three"),
        ("{&count*}", () => new Rfc009(), "&count=one&count=two&count=three"),
        ("{var}", () => new Rfc010(), "value"),
        ("{hello}", () => new Rfc011(), "Hello%20World%21"),
        ("{half}", () => new Rfc012(), "50%25"),
        ("O{empty}X", () => new Rfc013(), "OX"),
        ("O{undef}X", () => new Rfc014(), "OX"),
        ("{x,y}", () => new Rfc015(), "1024,768"),
        ("{x,hello,y}", () => new Rfc016(), "1024,Hello%20World%21,768"),
        ("?{x,empty}", () => new Rfc017(), "?1024,"),
        ("?{x,undef}", () => new Rfc018(), "?1024"),
        ("?{undef,y}", () => new Rfc019(), "?768"),
        ("{var:3}", () => new Rfc020(), "val"),
        ("{var:30}", () => new Rfc021(), "value"),
        ("{list}", () => new Rfc022(), "red,green,blue"),
        ("{list*}", () => new Rfc023(), "red,green,blue"),
        ("{keys}", () => new Rfc024(), "semi,%3B,dot,.,comma,%2C"),
        ("{keys*}", () => new Rfc025(), "semi=%3B,dot=.,comma=%2C"),
        ("{+var}", () => new Rfc026(), "value"),
        ("{+hello}", () => new Rfc027(), "Hello%20World!"),
        ("{+half}", () => new Rfc028(), "50%25"),
        ("{base}index", () => new Rfc029(), "http%3A%2F%2Fexample.com%2Fhome%2Findex"),
        ("{+base}index", () => new Rfc030(), "http://example.com/home/index"),
        ("O{+empty}X", () => new Rfc031(), "OX"),
        ("O{+undef}X", () => new Rfc032(), "OX"),
        ("{+path}/here", () => new Rfc033(), "/foo/bar/here"),
        ("here?ref={+path}", () => new Rfc034(), "here?ref=/foo/bar"),
        ("up{+path}{var}/here", () => new Rfc035(), "up/foo/barvalue/here"),
        ("{+x,hello,y}", () => new Rfc036(), "1024,Hello%20World!,768"),
        ("{+path,x}/here", () => new Rfc037(), "/foo/bar,1024/here"),
        ("{+path:6}/here", () => new Rfc038(), "/foo/b/here"),
        ("{+list}", () => new Rfc039(), "red,green,blue"),
        ("{+list*}", () => new Rfc040(), "red,green,blue"),
        ("{+keys}", () => new Rfc041(), "semi,;,dot,.,comma,,"),
        ("{+keys*}", () => new Rfc042(), "semi=;,dot=.,comma=,"),
        ("{#var}", () => new Rfc043(), "#value"),
        ("{#hello}", () => new Rfc044(), "#Hello%20World!"),
        ("{#half}", () => new Rfc045(), "#50%25"),
        ("foo{#empty}", () => new Rfc046(), "foo#"),
        ("foo{#undef}", () => new Rfc047(), "foo"),
        ("{#x,hello,y}", () => new Rfc048(), "#1024,Hello%20World!,768"),
        ("{#path,x}/here", () => new Rfc049(), "#/foo/bar,1024/here"),
        ("{#path:6}/here", () => new Rfc050(), "#/foo/b/here"),
        ("{#list}", () => new Rfc051(), "#red,green,blue"),
        ("{#list*}", () => new Rfc052(), "#red,green,blue"),
        ("{#keys}", () => new Rfc053(), "#semi,;,dot,.,comma,,"),
        ("{#keys*}", () => new Rfc054(), "#semi=;,dot=.,comma=,"),
        ("{.who}", () => new Rfc055(), ".fred"),
        ("{.who,who}", () => new Rfc056(), ".fred.fred"),
        ("{.half,who}", () => new Rfc057(), ".50%25.fred"),
        ("www{.dom*}", () => new Rfc058(), "www.example.com"),
        ("X{.var}", () => new Rfc059(), "X.value"),
        ("X{.empty}", () => new Rfc060(), "X."),
        ("X{.undef}", () => new Rfc061(), "X"),
        ("X{.var:3}", () => new Rfc062(), "X.val"),
        ("X{.list}", () => new Rfc063(), "X.red,green,blue"),
        ("X{.list*}", () => new Rfc064(), "X.red.green.blue"),
        ("X{.keys}", () => new Rfc065(), "X.semi,%3B,dot,.,comma,%2C"),
        ("X{.keys*}", () => new Rfc066(), "X.semi=%3B.dot=..comma=%2C"),
        ("X{.empty_keys}", () => new Rfc067(), "X"),
        ("X{.empty_keys*}", () => new Rfc068(), "X"),
        ("{/who}", () => new Rfc069(), "/fred"),
        ("{/who,who}", () => new Rfc070(), "/fred/fred"),
        ("{/half,who}", () => new Rfc071(), "/50%25/fred"),
        ("{/who,dub}", () => new Rfc072(), "/fred/me%2Ftoo"),
        ("{/var}", () => new Rfc073(), "/value"),
        ("{/var,empty}", () => new Rfc074(), "/value/"),
        ("{/var,undef}", () => new Rfc075(), "/value"),
        ("{/var,x}/here", () => new Rfc076(), "/value/1024/here"),
        ("{/var:1,var}", () => new Rfc077(), "/v/value"),
        ("{/list}", () => new Rfc078(), "/red,green,blue"),
        ("{/list*}", () => new Rfc079(), "/red/green/blue"),
        ("{/list*,path:4}", () => new Rfc080(), "/red/green/blue/%2Ffoo"),
        ("{/keys}", () => new Rfc081(), "/semi,%3B,dot,.,comma,%2C"),
        ("{/keys*}", () => new Rfc082(), "/semi=%3B/dot=./comma=%2C"),
        ("{;who}", () => new Rfc083(), ";who=fred"),
        ("{;half}", () => new Rfc084(), ";half=50%25"),
        ("{;empty}", () => new Rfc085(), ";empty"),
        ("{;v,empty,who}", () => new Rfc086(), ";v=6;empty;who=fred"),
        ("{;v,bar,who}", () => new Rfc087(), ";v=6;who=fred"),
        ("{;x,y}", () => new Rfc088(), ";x=1024;y=768"),
        ("{;x,y,empty}", () => new Rfc089(), ";x=1024;y=768;empty"),
        ("{;x,y,undef}", () => new Rfc090(), ";x=1024;y=768"),
        ("{;hello:5}", () => new Rfc091(), ";hello=Hello"),
        ("{;list}", () => new Rfc092(), ";list=red,green,blue"),
        ("{;list*}", () => new Rfc093(), ";list=red;list=green;list=blue"),
        ("{;keys}", () => new Rfc094(), ";keys=semi,%3B,dot,.,comma,%2C"),
        ("{;keys*}", () => new Rfc095(), ";semi=%3B;dot=.;comma=%2C"),
        ("{?who}", () => new Rfc096(), "?who=fred"),
        ("{?half}", () => new Rfc097(), "?half=50%25"),
        ("{?x,y}", () => new Rfc098(), "?x=1024&y=768"),
        ("{?x,y,empty}", () => new Rfc099(), "?x=1024&y=768&empty="),
        ("{?x,y,undef}", () => new Rfc100(), "?x=1024&y=768"),
        ("{?var:3}", () => new Rfc101(), "?var=val"),
        ("{?list}", () => new Rfc102(), "?list=red,green,blue"),
        ("{?list*}", () => new Rfc103(), "?list=red&list=green&list=blue"),
        ("{?keys}", () => new Rfc104(), "?keys=semi,%3B,dot,.,comma,%2C"),
        ("{?keys*}", () => new Rfc105(), "?semi=%3B&dot=.&comma=%2C"),
        ("{&who}", () => new Rfc106(), "&who=fred"),
        ("{&half}", () => new Rfc107(), "&half=50%25"),
        ("?fixed=yes{&x}", () => new Rfc108(), "?fixed=yes&x=1024"),
        ("{&x,y,empty}", () => new Rfc109(), "&x=1024&y=768&empty="),
        ("{&var:3}", () => new Rfc110(), "&var=val"),
        ("{&list}", () => new Rfc111(), "&list=red,green,blue"),
        ("{&list*}", () => new Rfc112(), "&list=red&list=green&list=blue"),
        ("{&keys}", () => new Rfc113(), "&keys=semi,%3B,dot,.,comma,%2C"),
        ("{&keys*}", () => new Rfc114(), "&semi=%3B&dot=.&comma=%2C"),
    ];
}
