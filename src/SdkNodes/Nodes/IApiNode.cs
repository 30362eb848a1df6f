namespace SdkNodes;

/// <summary>
/// A node whose response body is read as <typeparamref name="TResponse"/> with System.Text.Json.
/// Put it on a <c>partial</c> class with <see cref="ApiRequestAttribute"/> or
/// <see cref="SendObjectAttribute"/>; the generator implements it.
/// </summary>
/// <typeparam name="TResponse">
/// The response body type. <c>string</c> takes the body as text; a nullable type
/// (<c>Order?</c>) accepts an empty body.
/// </typeparam>
public interface IApiNode<TResponse> : IGeneratedNode
{
}

/// <summary>
/// A node without a typed response: the body is offered as <see cref="System.Text.Json.JsonElement"/>
/// when it is JSON, and as text in <see cref="NodeResult.RawBody"/> when it is not (or always, with
/// <see cref="RawBodyRetention.Always"/>). HEAD nodes use this.
/// </summary>
public interface IApiNode : IGeneratedNode
{
}
