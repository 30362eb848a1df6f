using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace SdkNodes.Generated;

/// <summary>The parts of a <c>multipart/form-data</c> body, as generated code adds them, in order.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MultipartBody
{
    /// <summary>Adds a text part; a null value leaves it out.</summary>
    public void AddField(string name, string? value) => throw new NotImplementedException("bodies-rt");

    /// <summary>Adds one text part per item; null items are left out.</summary>
    public void AddFieldEach(string name, IEnumerable<string?>? values) => throw new NotImplementedException("bodies-rt");

    /// <summary>Adds a file part; a null file leaves it out.</summary>
    public void AddFile(string name, SdkNodes.NodeFile? file) => throw new NotImplementedException("bodies-rt");
}
