using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using SdkNodes.Tests.Infrastructure;

namespace SdkNodes.Tests.Network;

/// <summary>TLS against Kestrel with certificates made in the test: verified by default, a private CA, mutual TLS.</summary>
public class TlsTests
{
    private static Task<LoopbackServer> StartHttpsAsync(X509Certificate2 certificate, Action<HttpsConnectionAdapterOptions>? https = null)
        => LoopbackServer.StartAsync(
            app => app.MapGet("/where", () => "secure"),
            "https://127.0.0.1:0",
            kestrel => kestrel.ConfigureHttpsDefaults(options =>
            {
                options.ServerCertificate = certificate;
                https?.Invoke(options);
            }));

    [Fact]
    public async Task SelfSignedServer_FailsByDefault_WithTheCertificateKind()
    {
        using X509Certificate2 certificate = TestCertificates.CreateSelfSignedServer();
        await using var server = await StartHttpsAsync(certificate);
        using var runtime = TestRuntime.For(server);

        var result = await new Where().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Failed, result.Outcome);
        Assert.Equal(NodeErrorKind.Certificate, result.Error!.Kind);
        Assert.Contains("certificate is not trusted", result.Error.Message);
    }

    [Fact]
    public async Task DisableCertificateValidation_OnTheNode_Connects()
    {
        using X509Certificate2 certificate = TestCertificates.CreateSelfSignedServer();
        await using var server = await StartHttpsAsync(certificate);
        using var runtime = TestRuntime.For(server);

        var insecure = await new WhereInsecure().SendAsync(runtime, TestRuntime.Token);
        var verified = await new Where().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal("secure", insecure.RawBody);
        Assert.Equal(NodeErrorKind.Certificate, verified.Error!.Kind);
    }

    [Fact]
    public async Task TrustedRoot_MakesAPrivateCaServerSucceed_WithVerificationOn()
    {
        using X509Certificate2 authority = TestCertificates.CreateAuthority();
        using X509Certificate2 certificate = TestCertificates.CreateServer(authority);
        await using var server = await StartHttpsAsync(certificate);
        using var runtime = TestRuntime.For(server, configure: o => o.TrustedRootCertificates.Add(authority));

        var result = await new Where().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeOutcome.Succeeded, result.Outcome);
        Assert.Equal("secure", result.RawBody);
    }

    [Fact]
    public async Task AnotherCa_IsNotTrusted()
    {
        using X509Certificate2 authority = TestCertificates.CreateAuthority();
        using X509Certificate2 stranger = TestCertificates.CreateAuthority("Some Other CA");
        using X509Certificate2 certificate = TestCertificates.CreateServer(authority);
        await using var server = await StartHttpsAsync(certificate);
        using var runtime = TestRuntime.For(server, configure: o => o.TrustedRootCertificates.Add(stranger));

        var result = await new Where().SendAsync(runtime, TestRuntime.Token);

        Assert.Equal(NodeErrorKind.Certificate, result.Error!.Kind);
    }

    [Fact]
    public async Task ClientCertificate_SatisfiesAServerThatDemandsOne()
    {
        using X509Certificate2 authority = TestCertificates.CreateAuthority();
        using X509Certificate2 certificate = TestCertificates.CreateServer(authority);
        using X509Certificate2 client = TestCertificates.CreateClient(authority);
        await using var server = await StartHttpsAsync(certificate, https =>
        {
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.ClientCertificateValidation = (presented, _, _) => presented.Thumbprint == client.Thumbprint;
        });
        using var without = TestRuntime.For(server, configure: o => o.TrustedRootCertificates.Add(authority));
        using var with = TestRuntime.For(server, configure: o =>
        {
            o.TrustedRootCertificates.Add(authority);
            o.ClientCertificate = client;
        });

        var refused = await new Where().SendAsync(without, TestRuntime.Token);
        var accepted = await new Where().SendAsync(with, TestRuntime.Token);

        Assert.NotEqual(NodeOutcome.Succeeded, refused.Outcome);
        Assert.Equal(NodeOutcome.Succeeded, accepted.Outcome);
    }
}
