// {name:3,page}/{colour}{tags}{filters*}
string global::SdkNodes.IGeneratedNode.FormatUri(bool redactSecrets)
{
    var writer = new global::SdkNodes.Generated.UriTemplateWriter(111);
    writer.AppendLiteral("https://api.example.com/items/");
    writer.BeginExpression(global::SdkNodes.Generated.UriOperator.Simple);
    writer.AppendString("name", this.Name, 3);
    if (this.Page.HasValue) writer.AppendFormattable("page", this.Page.GetValueOrDefault(), null);
    writer.AppendLiteral("/");
    writer.BeginExpression(global::SdkNodes.Generated.UriOperator.Simple);
    writer.AppendString("colour", __SdkNodesNameOf1(this.Colour));
    writer.BeginExpression(global::SdkNodes.Generated.UriOperator.Simple);
    if (this.Tags is { } __Tags)
    {
        writer.BeginList("tags", false);
        foreach (var __item in __Tags)
            writer.AppendItem(__item);
    }
    writer.BeginExpression(global::SdkNodes.Generated.UriOperator.Simple);
    if (this.Filters is { } __Filters)
    {
        writer.BeginMap("filters", true);
        foreach (var __pair in __Filters)
            writer.AppendEntryFormattable(__pair.Key, __pair.Value, null);
    }
    return writer.ToStringAndClear();
}
