using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace SdkNodes.Generated;

/// <summary>The fields of an <c>application/x-www-form-urlencoded</c> body, as generated code adds them.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FormBody
{
    /// <summary>Adds a field; a null value leaves it out.</summary>
    public void Add(string name, string? value) => throw new NotImplementedException("bodies-rt");

    /// <summary>Adds the field once per item (a list repeats its field); null items are left out.</summary>
    public void AddEach(string name, IEnumerable<string?>? values) => throw new NotImplementedException("bodies-rt");
}
