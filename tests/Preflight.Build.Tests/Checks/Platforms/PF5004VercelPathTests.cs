using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF5004VercelPathTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private static CheckContext Run(TempRepository repo, string project = "src/Api/Api.csproj")
    {
        var context = new CheckContext(repo.Root, repo.Path(project), repo.Artifacts());
        VercelPathCheck.Run(context);
        return context;
    }

    [Fact]
    public void Function_globs_and_build_sources_that_match_nothing_are_reported_at_their_text()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("web/api/hello.ts", "export default () => 1;")
            .Write("web/vercel.json", """
                {
                  "functions": {
                    "api/*.ts": { "memory": 1024 },
                    "api/**/*.go": { "maxDuration": 10 }
                  },
                  "builds": [
                    { "src": "api/index.py", "use": "@vercel/python" },
                    { "src": "api/*.ts", "use": "@vercel/node" }
                  ]
                }
                """);

        var findings = Run(repo).Findings.OrderBy(f => f.Line).ToList();

        Assert.Equal(new[]
        {
            ("PF5004", repo.Path("web/vercel.json"), 4, 5, 18),
            ("PF5004", repo.Path("web/vercel.json"), 7, 14, 28),
        }, findings.Select(f => (f.RuleId, f.File, f.Line, f.Column, f.EndColumn)));
        Assert.Equal("vercel.json functions pattern 'api/**/*.go' matches no file (relative to 'web')", findings[0].Message);
        Assert.Equal("vercel.json builds src 'api/index.py' does not exist (relative to 'web')", findings[1].Message);

        // Both findings keep the checks running until the paths appear.
        var watched = Run(repo).Watched;
        Assert.Contains(repo.Path("web/api/index.py"), watched);
        Assert.Contains(repo.Path("web/api/__/_.go.preflight-unmatched"), watched);
        Assert.DoesNotContain(watched, w => System.IO.File.Exists(w) && w.EndsWith(".preflight-unmatched"));
    }

    [Fact]
    public void Paths_that_exist_build_output_and_files_of_other_folders_are_handled()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("api/users/[id].js", "module.exports = 1;")
            .Write("package.json", "{}")
            .Write("other/api/x.py", "")
            .Write("vercel.json", """
                {
                  "functions": { "api/**/*.js": {}, "/api/users/*.js": {} },
                  "builds": [ { "src": "package.json" }, { "src": "dist/server.js" }, { "src": "api/**" } ]
                }
                """);

        Assert.Empty(Run(repo).Findings);

        repo.Write("other/vercel.json", "{ \"functions\": { \"api/*.js\": {} } }");
        var finding = Assert.Single(Run(repo).Findings);
        Assert.Equal((repo.Path("other/vercel.json"), 1, 18), (finding.File, finding.Line, finding.Column));
        Assert.Contains("'api/*.js' matches no file (relative to 'other')", finding.Message);
    }

    [Fact]
    public void Malformed_vercel_json_and_other_projects_report_nothing()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("src/Worker/Worker.csproj", Project)
            .Write("vercel.json", "{ \"functions\": { \"api/*.js\": {} } }")
            .Write("web/vercel.json", "not json at all");

        Assert.Single(Run(repo, "src/Api/Api.csproj").Findings);
        Assert.Empty(Run(repo, "src/Worker/Worker.csproj").Findings);
    }
}
