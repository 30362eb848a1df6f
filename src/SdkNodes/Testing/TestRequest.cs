using System.Collections.Generic;

namespace SdkNodes;

/// <summary>
/// The request a test sent, as the run history records it: secrets in the URL and sensitive
/// headers (Authorization, Cookie, API keys, <see cref="SecretAttribute"/> values) shown as <c>***</c>.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Url">The URL, redacted.</param>
/// <param name="Headers">The request headers, redacted.</param>
public sealed record TestRequest(string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers);
