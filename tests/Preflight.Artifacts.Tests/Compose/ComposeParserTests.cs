using System.Linq;
using Preflight.Artifacts.Compose;
using Xunit;

namespace Preflight.Artifacts.Tests.Compose;

public class ComposeParserTests
{
    [Fact]
    public void Reads_build_short_and_long_forms()
    {
        var file = ComposeParser.Parse("""
            services:
              api:
                build:
                  context: ./src
                  dockerfile: Api/Dockerfile
              worker:
                build: ./worker
              db:
                image: postgres:16
            """);

        var api = file.Services.Single(s => s.Name == "api");
        Assert.Equal("./src", api.Build!.Context);
        Assert.Equal("/repo/src/Api/Dockerfile", api.Build.ResolveDockerfile("/repo"));
        Assert.Equal((4, 16), (api.Build.ContextSpan.Line, api.Build.ContextSpan.Column));
        Assert.Equal("/repo/worker/Dockerfile", file.Services.Single(s => s.Name == "worker").Build!.ResolveDockerfile("/repo"));
        Assert.Null(file.Services.Single(s => s.Name == "db").Build);
        Assert.Equal("postgres:16", file.Services.Single(s => s.Name == "db").Image);
    }

    [Fact]
    public void Reads_environment_map_list_and_bare_forms()
    {
        var file = ComposeParser.Parse("""
            services:
              api:
                environment:
                  A__B: one
                  EMPTY:
              worker:
                environment:
                  - C=two=2
                  - BARE
            """);

        var api = file.Services[0].Environment;
        Assert.Equal(("A__B", "one"), (api[0].Name, api[0].Value));
        Assert.Equal(("EMPTY", (string?)null), (api[1].Name, api[1].Value));
        var worker = file.Services[1].Environment;
        Assert.Equal(("C", "two=2"), (worker[0].Name, worker[0].Value));
        Assert.Equal(("BARE", (string?)null), (worker[1].Name, worker[1].Value));
        Assert.Equal(9, worker[1].Span.Line);
    }

    [Fact]
    public void Reads_env_file_forms()
    {
        var file = ComposeParser.Parse("""
            services:
              a:
                env_file: .env.a
              b:
                env_file:
                  - .env.b
                  - path: .env.local
                    required: false
            """);

        Assert.Equal(".env.a", file.Services[0].EnvFiles.Single().Path);
        Assert.Equal(new[] { (".env.b", true), (".env.local", false) }, file.Services[1].EnvFiles.Select(f => (f.Path, f.Required)));
    }

    [Theory]
    [InlineData("services: [")]
    [InlineData("services:\n  api:\n    image: a\n   bad: indent")]
    [InlineData("\u0000\u0001binary")]
    public void Malformed_yaml_gives_an_error_not_an_exception(string text)
    {
        var file = ComposeParser.Parse(text);
        Assert.NotEmpty(file.Errors);
        Assert.True(file.Errors[0].Span.Line >= 1);
    }

    [Fact]
    public void Alias_bomb_loads_without_expanding()
    {
        var text = "a: &a [x, x, x, x, x, x, x, x, x]\n" + string.Join("\n",
            Enumerable.Range(1, 9).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [*{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}]"))
            + "\nservices:\n  api:\n    image: x\n";
        var file = ComposeParser.Parse(text);
        Assert.Equal("api", file.Services.Single().Name);
    }
}
