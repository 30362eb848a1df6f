namespace SdkNodes;

/// <summary>
/// Receives the request an execution sent, redacted as its history record is: the Test API
/// passes one in its <see cref="ExecutionScope"/> so its report can show the request, without
/// every <see cref="NodeResult"/> carrying a field for it.
/// </summary>
internal sealed class SentRequestHolder
{
    public TestRequest? Request { get; set; }
}
