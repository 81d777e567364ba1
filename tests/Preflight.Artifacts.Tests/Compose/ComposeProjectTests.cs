using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Compose;
using Xunit;

namespace Preflight.Artifacts.Tests.Compose;

public class ComposeProjectTests
{
    private static ComposeFile Load(Dictionary<string, string> files, params string[] load) =>
        ComposeProject.Load(load, path => files.TryGetValue(path, out var text) ? text : null);

    [Theory]
    [InlineData("compose.yaml", "compose.override.yaml")]
    [InlineData("compose.yml", "compose.override.yml")]
    [InlineData("docker-compose.yaml", "docker-compose.override.yaml")]
    [InlineData("docker-compose.yml", "docker-compose.override.yml")]
    public void Finds_each_main_file_name_and_its_override(string main, string overrideFile)
    {
        var existing = new HashSet<string> { "/p/" + main, "/p/" + overrideFile };

        Assert.Equal(new[] { "/p/" + main, "/p/" + overrideFile }, ComposeProject.FindFiles("/p", existing.Contains));
    }

    [Fact]
    public void Compose_yaml_wins_over_docker_compose_yml()
    {
        var existing = new HashSet<string> { "/p/docker-compose.yml", "/p/compose.yaml" };

        Assert.Equal(new[] { "/p/compose.yaml" }, ComposeProject.FindFiles("/p", existing.Contains));
    }

    [Fact]
    public void Override_file_merges_by_compose_spec_rules()
    {
        var file = Load(new()
        {
            ["/p/compose.yaml"] = """
                services:
                  api:
                    image: app:1
                    environment:
                      - A=1
                      - B=1
                    ports: ["80:80"]
                    volumes:
                      - data:/data
                      - ./logs:/logs
                    command: ["run", "a"]
                    depends_on: [db]
                  db:
                    image: postgres
                volumes:
                  data:
                """,
            ["/p/compose.override.yaml"] = """
                services:
                  api:
                    image: app:2
                    environment:
                      B: "2"
                      C: "3"
                    ports: ["443:443"]
                    volumes:
                      - ./local-logs:/logs
                    command: ["run", "b"]
                    depends_on:
                      cache:
                        condition: service_started
                  cache:
                    image: redis
                """,
        }, "/p/compose.yaml", "/p/compose.override.yaml");

        var api = file.FindService("api")!;
        Assert.Equal("app:2", api.Image);
        Assert.Equal(new[] { "A=1", "B=2", "C=3" }, api.Environment.Select(e => e.ToString()));
        Assert.Equal(new[] { "80:80/tcp", "443:443/tcp" }, api.Ports.Select(p => p.ToString()));
        Assert.Equal(new (string?, string?)[] { ("data", "/data"), ("./local-logs", "/logs") }, api.Volumes.Select(v => (v.Source, v.Target)));
        Assert.Equal(new[] { "db", "cache" }, api.DependsOn.Select(d => d.Service));
        Assert.Equal(new[] { "api", "db", "cache" }, file.Services.Select(s => s.Name));
        Assert.Equal("/p/compose.yaml", api.NameSourceFile);
        Assert.Equal((2, 3), (api.NameSpan.Line, api.NameSpan.Column));
        Assert.Equal("/p/compose.override.yaml", api.Environment.Single(e => e.Name == "C").SourceFile);
        Assert.Empty(file.Errors);
    }

    [Fact]
    public void Reset_and_override_tags_in_an_override_file()
    {
        var file = Load(new()
        {
            ["/p/compose.yaml"] = "services:\n  api:\n    image: app\n    ports: [\"80:80\"]\n    environment:\n      A: \"1\"\n",
            ["/p/compose.override.yaml"] = "services:\n  api:\n    ports: !reset []\n    environment: !override\n      B: \"2\"\n",
        }, "/p/compose.yaml", "/p/compose.override.yaml");

        var api = file.Services.Single();
        Assert.Empty(api.Ports);
        Assert.Equal("B", api.Environment.Single().Name);
    }

    [Fact]
    public void Project_env_interpolates_and_unset_variables_are_recorded()
    {
        var file = Load(new()
        {
            ["/p/compose.yaml"] = "services:\n  api:\n    image: \"app:${TAG}\"\n    environment:\n      DB: ${DB_HOST}\n      PORT: ${PORT:-80}\n",
            ["/p/.env"] = "# tag\nTAG=1.2\n",
        }, "/p/compose.yaml");

        Assert.Equal("app:1.2", file.Services[0].Image);
        Assert.Equal("/p/.env", file.EnvFilePath);
        Assert.Equal("1.2", file.DotEnv!["TAG"]);
        var unset = Assert.Single(file.UnsetVariables);
        Assert.Equal(("DB_HOST", 5, 11, "/p/compose.yaml"), (unset.Name, unset.Span.Line, unset.Span.Column, unset.SourceFile));
        Assert.Equal(new[] { "TAG", "DB_HOST", "PORT" }, file.Variables.Select(v => v.Name));
    }

    [Fact]
    public void Extends_from_another_file_resolves_paths_from_that_file()
    {
        var file = Load(new()
        {
            ["/p/compose.yaml"] = "services:\n  api:\n    extends:\n      file: shared/base.yaml\n      service: web\n    environment:\n      OWN: \"1\"\n",
            ["/p/shared/base.yaml"] = "services:\n  web:\n    build: ./web\n    env_file: web.env\n    depends_on: [other]\n    environment:\n      BASE: \"1\"\n",
        }, "/p/compose.yaml");

        var api = file.Services.Single();
        Assert.Equal("/p/shared/web", api.Build!.ResolveContext());
        Assert.Equal("/p/shared/web.env", api.EnvFiles.Single().ResolvePath());
        Assert.Equal(new[] { "BASE", "OWN" }, api.Environment.Select(e => e.Name));
        Assert.Empty(api.DependsOn);
        Assert.Empty(file.Errors);
    }

    [Fact]
    public void Include_brings_services_of_its_own_project()
    {
        var file = Load(new()
        {
            ["/p/compose.yaml"] = "include:\n  - path: db/compose.yaml\nservices:\n  api:\n    image: app\n    depends_on: [db]\n",
            ["/p/db/compose.yaml"] = "services:\n  db:\n    image: \"postgres:${PG}\"\n    volumes: [./init:/init]\n",
            ["/p/db/.env"] = "PG=16\n",
        }, "/p/compose.yaml");

        var db = file.FindService("db")!;
        Assert.Equal("postgres:16", db.Image);
        Assert.Equal("/p/db/init", db.Volumes.Single().ResolveSource());
        Assert.Equal("/p/db/compose.yaml", db.NameSourceFile);
        Assert.Empty(file.Errors);
    }

    [Fact]
    public void Include_cycle_and_missing_include_are_errors()
    {
        var file = Load(new()
        {
            ["/p/compose.yaml"] = "include:\n  - a.yaml\n  - missing.yaml\nservices: {}\n",
            ["/p/a.yaml"] = "include:\n  - compose.yaml\nservices:\n  a:\n    image: a\n",
        }, "/p/compose.yaml");

        var cycle = Assert.Single(file.Errors, e => e.Kind == ComposeErrorKind.Cycle);
        Assert.Equal(("/p/a.yaml", 2), (cycle.SourceFile, cycle.Span.Line));
        var missing = Assert.Single(file.Errors, e => e.Kind == ComposeErrorKind.MissingFile);
        Assert.Equal(3, missing.Span.Line);
        Assert.NotNull(file.FindService("a"));
    }

    [Fact]
    public void Undefined_references_and_depends_on_cycles_are_errors_at_the_reference()
    {
        var file = Load(new()
        {
            ["/p/compose.yaml"] = """
                services:
                  a:
                    image: a
                    depends_on: [b]
                    links: [ghost]
                    volumes: [data:/data, missing-volume:/x]
                    networks: [front, nowhere]
                    secrets: [nosecret]
                    configs: [noconfig]
                  b:
                    image: b
                    depends_on: [a]
                  c:
                    extends: nobody
                volumes:
                  data:
                networks:
                  front:
                """,
        }, "/p/compose.yaml");

        var messages = file.Errors.Select(e => (e.Kind, e.Span.Line, e.Message)).ToList();
        Assert.Contains((ComposeErrorKind.Reference, 5, "service \"a\" links to undefined service \"ghost\""), messages);
        Assert.Contains(messages, m => m.Line == 6 && m.Message.Contains("undefined volume \"missing-volume\""));
        Assert.Contains(messages, m => m.Line == 7 && m.Message.Contains("undefined network \"nowhere\""));
        Assert.Contains(messages, m => m.Line == 8 && m.Message.Contains("undefined secret \"nosecret\""));
        Assert.Contains(messages, m => m.Line == 9 && m.Message.Contains("undefined config \"noconfig\""));
        Assert.Contains((ComposeErrorKind.Reference, 14, "extends: service \"nobody\" is not defined"), messages);
        Assert.Contains((ComposeErrorKind.Cycle, 12, "depends_on cycle: a -> b -> a"), messages);
        Assert.Equal(7, messages.Count);
    }

    [Fact]
    public void Extends_cycle_is_an_error()
    {
        var file = ComposeParser.Parse("services:\n  a:\n    extends: b\n  b:\n    extends: a\n");

        Assert.Contains(file.Errors, e => e.Kind == ComposeErrorKind.Cycle && e.Message.StartsWith("extends cycle"));
    }

    [Theory]
    [InlineData("servces:\n  a:\n    image: x\n", 1, 1, "unknown key \"servces\" (did you mean \"services\"?)")]
    [InlineData("services:\n  a:\n    imgae: x\n", 3, 5, "service \"a\": unknown key \"imgae\" (did you mean \"image\"?)")]
    [InlineData("services:\n  a:\n    ports: 80\n", 3, 12, "service \"a\": \"ports\" must be a list, not a string")]
    [InlineData("services:\n  a:\n    environment: x\n", 3, 18, "\"environment\" must be a list or a mapping")]
    [InlineData("services:\n  a:\n    image: [x]\n", 3, 12, "\"image\" must be a string, not a list")]
    [InlineData("services:\n  a:\n    build:\n      contxt: .\n", 4, 7, "unknown key \"contxt\"")]
    [InlineData("services:\n  a: x\n", 2, 6, "service \"a\" must be a mapping")]
    [InlineData("services:\n  a:\n    ports:\n      - target: 80\n        publish: 8080\n", 5, 9, "a port of service \"a\": unknown key \"publish\" (did you mean \"published\"?)")]
    [InlineData("services:\n  a:\n    volumes:\n      - type: bind\n        src: ./x\n        target: /x\n", 5, 9, "a volume of service \"a\": unknown key \"src\"")]
    [InlineData("services:\n  a:\n    depends_on:\n      b:\n        condtion: service_healthy\n  b: {}\n", 5, 9, "unknown key \"condtion\" (did you mean \"condition\"?)")]
    [InlineData("services:\n  a:\n    environment:\n      - [x]\n", 4, 9, "each item of \"environment\" must be a string")]
    [InlineData("- a\n- b\n", 1, 1, "top level of a compose file must be a mapping")]
    [InlineData("services:\n  a:\n    image: x\n  a:\n    image: y\n", 4, 3, "already defined")]
    [InlineData("services:\n  a: [\n", 3, 1, "")]
    public void Schema_and_syntax_errors_have_positions(string text, int line, int column, string message)
    {
        var error = Assert.Single(ComposeParser.Parse(text).Errors);

        Assert.Contains(error.Kind, new[] { ComposeErrorKind.Schema, ComposeErrorKind.Syntax });
        Assert.Equal((line, column), (error.Span.Line, error.Span.Column));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Extension_keys_are_allowed_everywhere()
    {
        Assert.Empty(ComposeParser.Parse("x-a: 1\nservices:\n  x-b: 2\n  a:\n    image: x\n    x-c: 3\n").Errors);
    }
}
