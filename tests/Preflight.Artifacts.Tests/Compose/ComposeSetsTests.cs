using System.Collections.Generic;
using System.Linq;
using System.Text;
using Preflight.Artifacts.Compose;
using Xunit;

namespace Preflight.Artifacts.Tests.Compose;

/// <summary>Compose sets: which files of a folder are bases and which are overlays, and what loading an overlay adds.</summary>
public class ComposeSetsTests
{
    private const string Base = "services:\n  api:\n    build: .\n  db:\n    image: postgres\n";

    private static IReadOnlyList<ComposeSet> Find(Dictionary<string, string> files) =>
        ComposeSets.Find(files.Keys, path => files.TryGetValue(path, out var text) ? text : null);

    private static string Describe(ComposeSet set) =>
        (set.IsOverlay ? "overlay " : "base ") + string.Join(" + ", set.Files.Select(f => f.Substring(3)));

    [Fact]
    public void Every_other_file_of_a_folder_is_loaded_on_the_base_its_name_extends_or_on_the_main_file()
    {
        var files = new Dictionary<string, string>
        {
            ["/p/docker-compose.yml"] = Base,
            ["/p/docker-compose.override.yml"] = "services:\n  api:\n    ports: [\"80:8080\"]\n",
            ["/p/docker-compose.override.windows.yml"] = "services:\n  api:\n    isolation: hyperv\n",
            ["/p/docker-compose.prod.yml"] = "services:\n  db:\n    image: postgres:16\n",
            ["/p/docker-compose.elk.yml"] = "services:\n  kibana:\n    image: kibana\n",
            ["/p/docker-compose-tests.yml"] = "services:\n  tests:\n    build: tests\n",
            ["/p/docker-compose-tests.override.yml"] = "services:\n  tests:\n    environment: [A=1]\n",
            ["/p/queue.services.yaml"] = "services:\n  worker:\n    command: run\n",
        };

        var sets = Find(files).Select(Describe).ToArray();

        Assert.Equal(new[]
        {
            "base docker-compose.yml + docker-compose.override.yml",
            "overlay docker-compose.yml + queue.services.yaml",
            "overlay docker-compose.yml + docker-compose.elk.yml",
            "overlay docker-compose.yml + docker-compose.prod.yml",
            "overlay docker-compose.yml + docker-compose-tests.yml",
            "overlay docker-compose.yml + docker-compose-tests.yml + docker-compose-tests.override.yml",
            "overlay docker-compose.yml + docker-compose.override.yml + docker-compose.override.windows.yml",
        }, sets);
    }

    [Fact]
    public void A_file_with_a_compose_like_name_is_taken_only_when_its_content_is_compose()
    {
        var files = new Dictionary<string, string>
        {
            ["/p/compose-service.yaml"] = "apiVersion: v1\nkind: Service\nservices:\n  a:\n    image: x\n",
            ["/p/azure-compose.yml"] = "trigger: [main]\nsteps:\n  - script: docker compose up\n",
            ["/p/notes.compose.yml"] = "- a\n- b\n",
            ["/p/docker-compose.ci.yml"] = "services:\n  ci:\n    image: sdk\n",
        };

        Assert.Equal(new[] { "base docker-compose.ci.yml" }, Find(files).Select(Describe));
    }

    [Fact]
    public void A_file_with_no_base_in_its_folder_is_a_base_whose_references_are_not_checked()
    {
        var files = new Dictionary<string, string>
        {
            ["/p/deploy/docker-compose.prod.yml"] = "services:\n  api:\n    image: app\n    networks: [backend]\n    depends_on: [db]\n  worker:\n    restart: always\n",
            ["/p/deploy/docker-compose.prod.local.yml"] = "services:\n  api:\n    depends_on: [cache]\n  extra:\n    restart: always\n",
        };
        string? Read(string path) => files.TryGetValue(path, out var text) ? text : null;

        var sets = ComposeSets.Find(files.Keys, Read);

        Assert.Equal(new[] { "base docker-compose.prod.yml", "overlay docker-compose.prod.yml + docker-compose.prod.local.yml" }, sets.Select(Describe).Select(d => d.Replace("deploy/", "")));
        Assert.All(sets, s => Assert.True(s.BaseUnknown));
        Assert.All(sets, s => Assert.Empty(ComposeSets.Load(s, Read).Errors));
    }

    [Fact]
    public void Loading_an_overlay_reports_a_service_no_base_defines_at_its_name()
    {
        var files = new Dictionary<string, string>
        {
            ["/p/compose.yaml"] = Base,
            ["/p/compose.prod.yaml"] = "services:\n  api:\n    restart: always\n  ghost:\n    restart: always\n",
        };
        var overlay = Find(files).Single(s => s.IsOverlay);

        var file = ComposeSets.Load(overlay, path => files.TryGetValue(path, out var text) ? text : null);

        var error = Assert.Single(file.Errors);
        Assert.Equal((ComposeErrorKind.Reference, "/p/compose.prod.yaml", 4, 3), (error.Kind, error.SourceFile, error.Span.Line, error.Span.Column));
        Assert.StartsWith("service \"ghost\" of overlay compose.prod.yaml has neither an image nor a build context, and no base compose file of its folder (compose.yaml) defines it", error.Message);
    }

    [Fact]
    public void The_override_file_of_the_spec_is_an_overlay_of_the_main_file()
    {
        var files = new Dictionary<string, string>
        {
            ["/p/compose.yaml"] = Base,
            ["/p/compose.override.yaml"] = "services:\n  api:\n    ports: [\"80:80\"]\n  cache:\n    ports: [\"6379:6379\"]\n",
        };

        var file = ComposeSets.Load(Find(files).Single(), path => files.TryGetValue(path, out var text) ? text : null);

        var error = Assert.Single(file.Errors);
        Assert.Equal(("/p/compose.override.yaml", 4, 3), (error.SourceFile, error.Span.Line, error.Span.Column));
        Assert.Contains("service \"cache\" of overlay compose.override.yaml", error.Message);
    }

    [Fact]
    public void In_an_include_cycle_through_folders_the_first_project_is_kept()
    {
        var files = new Dictionary<string, string>
        {
            ["/r/docker-compose.yml"] = "include:\n  - other/compose.yaml\nservices:\n  api:\n    image: x\n",
            ["/r/other/compose.yaml"] = "include:\n  - ../docker-compose.yml\nservices:\n  worker:\n    image: y\n",
            ["/r/solo/compose.yaml"] = "services:\n  solo:\n    image: z\n",
        };
        string? Read(string path) => files.TryGetValue(path, out var text) ? text : null;
        var projects = ComposeSets.Find(files.Keys, Read).Select(s => (s, ComposeSets.Load(s, Read))).ToList();

        var kept = ComposeSets.WithoutIncluded(projects);

        Assert.Equal(new[] { "/r/docker-compose.yml", "/r/solo/compose.yaml" }, kept.Select(p => p.Path));
        var cycle = Assert.Single(kept[0].Item2.Errors, e => e.Kind == ComposeErrorKind.Cycle);
        Assert.Equal(("/r/other/compose.yaml", 2, 5), (cycle.SourceFile, cycle.Span.Line, cycle.Span.Column));
        Assert.Equal(new[] { "api", "worker" }, kept[0].Item2.Services.Select(s => s.Name));
    }

    [Fact]
    public void A_compose_file_included_from_its_own_folder_is_checked_only_within_the_including_project()
    {
        var files = new Dictionary<string, string>
        {
            ["/r/docker-compose.yml"] = "include:\n  - docker-compose.infrastructure.yml\nservices:\n  api:\n    image: x\n",
            ["/r/docker-compose.infrastructure.yml"] = "services:\n  db:\n    image: postgres\n",
        };
        string? Read(string path) => files.TryGetValue(path, out var text) ? text : null;
        var projects = ComposeSets.Find(files.Keys, Read).Select(s => (s, ComposeSets.Load(s, Read))).ToList();

        var kept = ComposeSets.WithoutIncluded(projects);

        var only = Assert.Single(kept);
        Assert.Equal("/r/docker-compose.yml", only.Path);
        Assert.Equal(new[] { "api", "db" }, only.File.Services.Select(s => s.Name));
    }

    // PF3006 positions and messages

    [Fact]
    public void Schema_errors_in_an_aliased_value_point_at_the_alias_that_uses_the_anchor()
    {
        var text = new StringBuilder("x-a: &a [\"x\", \"x\"]\n");
        text.Append("x-b: &b [*a, *a]\n");
        text.Append("services:\n  api:\n    image: nginx\n    environment: *b\n    volumes: *b\n    ports: *b\n");

        var errors = ComposeParser.Parse(text.ToString()).Errors;

        Assert.Equal(new[] { (6, 18), (6, 18), (7, 14), (7, 14), (8, 12), (8, 12) }, errors.Select(e => (e.Span.Line, e.Span.Column)));
        Assert.StartsWith("each item of \"environment\" must be a string, not a list", errors[0].Message);
        Assert.StartsWith("each item of \"ports\" must be a string or a mapping, not a list", errors[4].Message);
    }

    [Fact]
    public void An_unknown_key_in_an_aliased_service_body_points_at_the_alias()
    {
        var errors = ComposeParser.Parse("x-svc: &svc\n  image: nginx\n  restart_policy: always\nservices:\n  api: *svc\n").Errors;

        var error = Assert.Single(errors);
        Assert.Equal((5, 8), (error.Span.Line, error.Span.Column));
        Assert.StartsWith("service \"api\": unknown key \"restart_policy\"", error.Message);
    }

    [Theory]
    [InlineData("utf-16-le")]
    [InlineData("utf-16-be")]
    public void A_utf16_file_without_bom_gets_a_clear_message(string encoding)
    {
        var bytes = (encoding == "utf-16-le" ? Encoding.Unicode : Encoding.BigEndianUnicode).GetBytes("services:\n  api:\n    image: nginx\n");
        var asUtf8 = Encoding.UTF8.GetString(bytes);

        var error = Assert.Single(ComposeParser.Parse(asUtf8, "/p/compose.yaml", null).Errors);

        Assert.Equal((ComposeErrorKind.Syntax, 1, 1), (error.Kind, error.Span.Line, error.Span.Column));
        Assert.Equal("the file looks UTF-16 encoded without a byte-order mark (every other byte is NUL); compose reads UTF-8: save it as UTF-8", error.Message);
    }

    [Fact]
    public void A_single_nul_in_utf8_text_is_not_taken_for_utf16()
    {
        var errors = ComposeParser.Parse("services:\n  api:\n    image: nginx\n    command: \"a\0b\"\n").Errors;

        Assert.DoesNotContain(errors, e => e.Message.Contains("UTF-16"));
    }
}
