using System.Linq;
using Preflight.Artifacts.Compose;
using Xunit;

namespace Preflight.Artifacts.Tests.Compose;

public class ComposeModelTests
{
    [Fact]
    public void Build_long_form_reads_context_dockerfile_args_and_target_with_spans()
    {
        var file = ComposeParser.Parse("""
            services:
              api:
                build:
                  context: ./src
                  dockerfile: Api/Dockerfile
                  target: runtime
                  args:
                    - VERSION=1.0
                    - BARE
            """, "/repo/compose.yaml", null);

        var build = file.Services.Single().Build!;
        Assert.Equal(("./src", "Api/Dockerfile", "runtime"), (build.Context, build.Dockerfile, build.Target));
        Assert.Equal((5, 19), (build.DockerfileSpan.Line, build.DockerfileSpan.Column));
        Assert.Equal("/repo/src", build.ResolveContext());
        Assert.Equal("/repo/src/Api/Dockerfile", build.ResolveDockerfile());
        Assert.Equal(new[] { ("VERSION", (string?)"1.0"), ("BARE", null) }, build.Args.Select(a => (a.Name, a.Value)));
        Assert.False(build.IsShortSyntax);
        Assert.Equal("/repo/compose.yaml", file.Services[0].NameSourceFile);
    }

    [Fact]
    public void Ports_short_and_long()
    {
        var file = ComposeParser.Parse("""
            services:
              web:
                ports:
                  - 80
                  - "8080:80"
                  - "127.0.0.1:9000-9001:9000-9001/udp"
                  - "[::1]:5000:5000"
                  - target: 443
                    published: "8443"
                    protocol: tcp
                    mode: host
            """);

        var ports = file.Services[0].Ports;
        Assert.Equal(new[] { "80/tcp", "8080:80/tcp", "127.0.0.1:9000-9001:9000-9001/udp", "::1:5000:5000/tcp", "8443:443/tcp" }, ports.Select(p => p.ToString()));
        Assert.Equal(2, ports[2].TargetRange!.Value.Count);
        Assert.True(ports[4].IsLongSyntax);
        Assert.Equal("host", ports[4].Mode);
    }

    [Fact]
    public void Volumes_short_and_long_named_and_bind()
    {
        var file = ComposeParser.Parse("""
            services:
              db:
                volumes:
                  - data:/var/lib/postgresql/data
                  - ./init:/docker-entrypoint-initdb.d:ro
                  - /anonymous
                  - ~/cache:/cache
                  - type: bind
                    source: ./conf
                    target: /etc/conf
                    bind:
                      create_host_path: true
                  - type: tmpfs
                    target: /tmp
            volumes:
              data:
            """, "/repo/compose.yaml", null);

        var mounts = file.Services[0].Volumes;
        Assert.True(mounts[0].IsNamedVolume);
        Assert.Equal(("data", "/var/lib/postgresql/data"), (mounts[0].Source, mounts[0].Target));
        Assert.True(mounts[1].IsBind);
        Assert.True(mounts[1].ReadOnly);
        Assert.Equal("/repo/init", mounts[1].ResolveSource());
        Assert.Equal((5, 9, 5, 15), (mounts[1].SourceSpan.Line, mounts[1].SourceSpan.Column, mounts[1].SourceSpan.EndLine, mounts[1].SourceSpan.EndColumn));
        Assert.Equal(("/anonymous", (string?)null), (mounts[2].Target, mounts[2].Source));
        Assert.True(mounts[3].IsHomeRelative);
        Assert.Null(mounts[3].ResolveSource());
        Assert.True(mounts[4].CreateHostPath);
        Assert.Equal(ComposeVolumeType.Tmpfs, mounts[5].Type);
        Assert.Empty(file.Errors);
    }

    [Fact]
    public void Depends_on_links_networks_secrets_configs_profiles_expose()
    {
        var file = ComposeParser.Parse("""
            services:
              api:
                depends_on:
                  db:
                    condition: service_healthy
                  cache:
                    condition: service_started
                    required: false
                links: ["db:database"]
                networks:
                  front:
                    aliases: [api.local]
                secrets: [token, { source: cert, target: /certs/cert.pem }]
                configs: [settings]
                profiles: [debug]
                expose: ["8080"]
              db:
                image: postgres
                depends_on: [cache]
              cache:
                image: redis
            networks:
              front:
            secrets:
              token:
                environment: TOKEN
              cert:
                file: ./cert.pem
            configs:
              settings:
                content: x
            """);

        var api = file.FindService("api")!;
        Assert.Equal(new[] { ("db", "service_healthy", true), ("cache", "service_started", false) }, api.DependsOn.Select(d => (d.Service, d.Condition, d.Required)));
        Assert.Equal(("db", "database"), (api.Links[0].Service, api.Links[0].Alias));
        Assert.Equal("api.local", api.Networks.Single().Aliases.Single());
        Assert.Equal(new[] { ("token", (string?)null), ("cert", "/certs/cert.pem") }, api.Secrets.Select(s => (s.Source, s.Target)));
        Assert.Equal("settings", api.Configs.Single().Source);
        Assert.True(api.HasProfiles);
        Assert.Equal("8080", api.Expose.Single().Value);
        Assert.Equal(new[] { "cache" }, file.FindService("db")!.DependsOn.Select(d => d.Service));
        Assert.Equal("TOKEN", file.Secrets[0].EnvironmentVariable);
        Assert.Equal("./cert.pem", file.Secrets[1].File);
        Assert.Equal("x", file.Configs.Single().Content);
        Assert.Empty(file.Errors);
    }

    [Theory]
    [InlineData("test: [\"CMD\", \"curl\", \"-f\", \"http://localhost/health\"]", ComposeHealthcheckTestKind.Command, "curl -f http://localhost/health")]
    [InlineData("test: [\"CMD-SHELL\", \"curl -f http://localhost || exit 1\"]", ComposeHealthcheckTestKind.Shell, "curl -f http://localhost || exit 1")]
    [InlineData("test: curl -f http://localhost", ComposeHealthcheckTestKind.Shell, "curl -f http://localhost")]
    [InlineData("test: [\"NONE\"]", ComposeHealthcheckTestKind.None, null)]
    [InlineData("disable: true", ComposeHealthcheckTestKind.None, null)]
    [InlineData("interval: 5s", ComposeHealthcheckTestKind.Inherit, null)]
    public void Healthcheck_forms(string body, ComposeHealthcheckTestKind kind, string? command)
    {
        var file = ComposeParser.Parse("services:\n  api:\n    healthcheck:\n      " + body + "\n");

        var healthcheck = file.Services[0].Healthcheck!;
        Assert.Equal(kind, healthcheck.TestKind);
        Assert.Equal(command, healthcheck.CommandLine);
    }

    [Fact]
    public void Env_file_long_form_keeps_required_and_format()
    {
        var file = ComposeParser.Parse("""
            services:
              a:
                env_file:
                  - path: ./a.env
                    required: false
                    format: raw
            """);

        var envFile = file.Services[0].EnvFiles.Single();
        Assert.Equal(("./a.env", false, "raw", true), (envFile.Path, envFile.Required, envFile.Format, envFile.IsLongSyntax));
        Assert.Equal((4, 15), (envFile.Span.Line, envFile.Span.Column));
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_are_applied()
    {
        var file = ComposeParser.Parse("""
            x-common: &common
              image: app
              environment:
                SHARED: "1"
            services:
              a:
                <<: *common
                environment:
                  OWN: "2"
              b: *common
            """);

        Assert.Equal(new[] { "app", "app" }, file.Services.Select(s => s.Image));
        Assert.Equal("OWN", file.Services[0].Environment.Single().Name);
        Assert.Equal("SHARED", file.Services[1].Environment.Single().Name);
        Assert.Empty(file.Errors);
    }

    [Fact]
    public void Extends_in_the_same_file_merges_the_base()
    {
        var file = ComposeParser.Parse("""
            services:
              base:
                image: app
                environment:
                  A: "1"
                  B: "1"
                command: ["run", "base"]
              child:
                extends: base
                environment:
                  B: "2"
                command: !reset
            """);

        var child = file.FindService("child")!;
        Assert.Equal("app", child.Image);
        Assert.Equal(new[] { "A=1", "B=2" }, child.Environment.Select(e => e.ToString()));
        Assert.Equal("base", child.Extends!.Service);
        Assert.Null(child.Node is ComposeMapping m ? m["command"] : null);
    }

    [Fact]
    public void Variables_are_listed_with_positions_and_not_resolved_without_a_lookup()
    {
        var file = ComposeParser.Parse("""
            services:
              api:
                image: "registry/${IMAGE:-api}:${TAG}"
                build: ${CONTEXT}
            """);

        Assert.Equal(new[] { ("IMAGE", 3, 22), ("TAG", 3, 36) }, file.Variables.Take(2).Select(v => (v.Name, v.Span.Line, v.Span.Column)));
        Assert.Equal("registry/${IMAGE:-api}:${TAG}", file.Services[0].Image);
        Assert.True(file.Services[0].Build!.IsInterpolated);
        Assert.Empty(file.UnsetVariables);
    }

    [Fact]
    public void Interpolation_with_a_lookup_reports_unset_variables_at_their_use()
    {
        var file = ComposeParser.Parse("""
            services:
              api:
                image: "app:${TAG}"
                environment:
                  URL: ${HOST:-localhost}:${PORT}
            """, null, name => name == "TAG" ? "1.2" : null);

        Assert.Equal("app:1.2", file.Services[0].Image);
        Assert.Equal("localhost:", file.Services[0].Environment[0].Value);
        var unset = Assert.Single(file.UnsetVariables);
        Assert.Equal(("PORT", 5, 31), (unset.Name, unset.Span.Line, unset.Span.Column));
    }

    [Fact]
    public void Keys_are_not_interpolated()
    {
        var file = ComposeParser.Parse("services:\n  api:\n    environment:\n      ${KEY}: value\n", null, _ => "x");

        Assert.Equal("${KEY}", file.Services[0].Environment[0].Name);
    }
}
