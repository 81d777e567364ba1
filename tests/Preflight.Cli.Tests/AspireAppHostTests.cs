using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Cli.Tests;

/// <summary>`preflight check` on an Aspire solution: the AppHost declares what it gives the projects it runs (PF1001).</summary>
public class AspireAppHostTests
{
    private static TempRepository Repository(bool withAppHost = true) => (withAppHost ? WithAppHost(new TempRepository()) : new TempRepository())
        .Write("src/Catalog.Api/Catalog.Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><TargetFramework>net8.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
            </Project>
            """)
        .Write("src/Catalog.Api/appsettings.json", "{}")
        .Write("src/Catalog.Api/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            var search = builder.Configuration["Search:Endpoint"];
            var catalog = builder.Configuration.GetConnectionString("catalogdb");
            var payments = builder.Configuration["Payments:Key"];
            builder.AddNpgsqlDbContext<CatalogDb>("catalogdb");
            builder.AddRedisClient("cache");
            builder.Build().Run();
            class CatalogDb { }
            """);

    private static TempRepository WithAppHost(TempRepository repository) => repository
        .Write("src/AppHost/AppHost.csproj", """
            <Project Sdk="Aspire.AppHost.Sdk/13.6.4">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net8.0</TargetFramework></PropertyGroup>
              <ItemGroup><ProjectReference Include="..\Catalog.Api\Catalog.Api.csproj" /></ItemGroup>
            </Project>
            """)
        .Write("src/AppHost/Program.cs", """
            var builder = DistributedApplication.CreateBuilder(args);
            var db = builder.AddPostgres("pg").AddDatabase("catalogdb");
            builder.AddProject<Projects.Catalog_Api>("catalog")
                .WithReference(db)
                .WithEnvironment("Search__Endpoint", "http://search");
            builder.Build().Run();
            """);

    [Fact]
    public void Keys_the_AppHost_gives_are_silent_and_a_key_or_client_connection_it_does_not_give_is_PF1001_naming_the_AppHost_line()
    {
        using var repo = Repository();

        var run = CliRun.Of("check", repo.Root);

        Assert.DoesNotContain("Search:Endpoint", run.Output);
        Assert.DoesNotContain("ConnectionStrings:catalogdb", run.Output);
        Assert.Contains("Program.cs(4,38): error PF1001: Configuration key 'Payments:Key' is read here but declared in none of: appsettings.json, src/AppHost/Program.cs:3 (AddProject \"catalog\")", run.Output);
        Assert.Contains("Program.cs(6,24): error PF1001: Configuration key 'ConnectionStrings:cache' is read here but declared in none of: appsettings.json, src/AppHost/Program.cs:3 (AddProject \"catalog\")", run.Output);
    }

    [Fact]
    public void Without_the_AppHost_an_unresolved_client_integration_is_silent()
    {
        using var repo = Repository(withAppHost: false);

        var run = CliRun.Of("check", repo.Root);

        Assert.Contains("'Payments:Key' is read here but declared in none of: appsettings.json [", run.Output);
        Assert.DoesNotContain("ConnectionStrings:cache", run.Output);
    }
}
