using System.IO;
using System.Linq;
using Preflight.EndToEnd.Tests.Infrastructure;
using Xunit;

namespace Preflight.EndToEnd.Tests;

/// <summary>
/// An Aspire solution (a real AppHost, Aspire.AppHost.Sdk) whose service references Preflight: what the AppHost gives
/// the service is declared, a key nothing gives and a client integration without its reference are PF1001, in the build
/// and in the CLI.
/// </summary>
[Collection(EndToEndCollection.Name)]
public class AspireAppHostEndToEndTests
{
    private readonly PackedPreflight _packed;

    public AspireAppHostEndToEndTests(PackedPreflight packed) => _packed = packed;

    [Fact]
    public void Keys_the_AppHost_gives_are_silent_and_the_rest_are_PF1001_naming_the_AppHost_line_in_the_build_and_the_CLI()
    {
        var workspace = _packed.NewWorkspace("aspire");
        Workspace.Write(workspace, "preflight.yaml", "");
        Workspace.Write(workspace, "AppHost/AppHost.csproj", """
            <Project Sdk="Aspire.AppHost.Sdk/13.6.4">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <NoWarn>$(NoWarn);NU1603;ASPIRE010</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Aspire.Hosting.AppHost" Version="13.6.5" />
                <PackageReference Include="Polly.Core" Version="8.8.0" />
                <PackageReference Include="Nerdbank.MessagePack" Version="1.3.88" />
                <ProjectReference Include="../Catalog.Api/Catalog.Api.csproj" />
              </ItemGroup>
            </Project>
            """);
        Workspace.Write(workspace, "AppHost/Program.cs", """
            var builder = DistributedApplication.CreateBuilder(args);
            var catalogDb = builder.AddConnectionString("catalogdb");
            builder.AddProject<Projects.Catalog_Api>("catalog")
                .WithReference(catalogDb)
                .WithEnvironment("Search__Endpoint", "http://search");
            builder.Build().Run();
            """);
        Workspace.Write(workspace, "Catalog.Api/Catalog.Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Aspire.StackExchange.Redis" Version="13.6.5" />
              </ItemGroup>
            </Project>
            """);
        Workspace.Write(workspace, "Catalog.Api/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.AddRedisClient("cache");
            var app = builder.Build();
            app.MapGet("/search", () => builder.Configuration["Search:Endpoint"]);
            app.MapGet("/db", () => builder.Configuration.GetConnectionString("catalogdb"));
            app.MapGet("/pay", () => builder.Configuration["Payments:Key"]);
            app.Run();
            """);
        Workspace.AddPreflightReference(Path.Combine(workspace, "Catalog.Api", "Catalog.Api.csproj"), _packed.Version);

        var build = DotNet.Build(workspace, "AppHost/AppHost.csproj", _packed.Version);

        var expected = new[]
        {
            ("Catalog.Api/Program.cs", 2, 24, "PF1001"),
            ("Catalog.Api/Program.cs", 6, 48, "PF1001"),
        };
        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(expected, BuildDiagnostic.Relative(workspace, build.Output));
        var diagnostics = BuildDiagnostic.Parse(build.Output);
        Assert.Contains("'ConnectionStrings:cache'", diagnostics[0].Message);
        Assert.Contains("'Payments:Key'", diagnostics[1].Message);
        Assert.All(diagnostics, d => Assert.Contains("AppHost/Program.cs:3 (AddProject \"catalog\")", d.Message));

        var stdout = new StringWriter();
        Preflight.Cli.Program.Run(new[] { "check", workspace }, stdout, new StringWriter());
        Assert.Equal(expected, BuildDiagnostic.Relative(workspace, stdout.ToString()));
    }
}
