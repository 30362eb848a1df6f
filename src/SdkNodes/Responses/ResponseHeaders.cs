using System;
using System.Collections.Generic;
using System.Net.Http;

namespace SdkNodes;

/// <summary>Gathers response and content headers into one case-insensitive map.</summary>
internal static class ResponseHeaders
{
    public static IReadOnlyDictionary<string, string> Collect(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.NonValidated)
        {
            headers[header.Key] = header.Value.ToString();
        }

        foreach (var header in response.Content.Headers.NonValidated)
        {
            headers[header.Key] = header.Value.ToString();
        }

        return headers;
    }
}
