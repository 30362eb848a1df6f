// {;name,page,colour,tags,filters*}
string global::SdkNodes.IGeneratedNode.FormatUri(bool redactSecrets)
{
    var writer = new global::SdkNodes.Generated.UriTemplateWriter(62);
    writer.AppendLiteral("https://api.example.com/items/");
    writer.BeginExpression(global::SdkNodes.Generated.UriOperator.PathParameter);
    writer.AppendString("name", this.Name);
    if (this.Page.HasValue) writer.AppendFormattable("page", this.Page.GetValueOrDefault(), null);
    writer.AppendString("colour", __SdkNodesNameOf1(this.Colour));
    if (this.Tags is { } __Tags)
    {
        writer.BeginList("tags", false);
        foreach (var __item in __Tags)
            writer.AppendItem(__item);
    }
    if (this.Filters is { } __Filters)
    {
        writer.BeginMap("filters", true);
        foreach (var __pair in __Filters)
            writer.AppendEntryFormattable(__pair.Key, __pair.Value, null);
    }
    return writer.ToStringAndClear();
}
