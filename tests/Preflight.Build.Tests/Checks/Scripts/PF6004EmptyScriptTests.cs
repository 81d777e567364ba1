using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF6004EmptyScriptTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private static CheckContext Run(TempRepository repo, string project = "src/Api/Api.csproj")
    {
        var all = repo.Artifacts().ToList();
        var context = new CheckContext(repo.Root, repo.Path(project), all.Where(p => p.EndsWith(".csproj")), all);
        EmptyScriptCheck.Run(context);
        return context;
    }

    [Fact]
    public void Empty_and_blank_python_typescript_and_javascript_files_are_reported_at_line_1()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("api/database/models.py", " ")
            .Write("api/database/__init__.py", "")
            .Write("api/main.py", "from api.database.models import User\n")
            .Write("web/src/index.ts", "")
            .Write("web/src/app.js", "\r\n\t\n")
            .Write("web/src/types.d.ts", "");

        var findings = Run(repo).Findings.Select(f => (f.RuleId, f.File, f.Line, f.Message)).OrderBy(f => f.File).ToList();

        Assert.Equal(new[]
        {
            ("PF6004", repo.Path("api/database/models.py"), 1, "'models.py' contains only whitespace"),
            ("PF6004", repo.Path("web/src/app.js"), 1, "'app.js' contains only whitespace"),
            ("PF6004", repo.Path("web/src/index.ts"), 1, "'index.ts' is empty"),
        }, findings);
    }

    [Fact]
    public void Generated_and_vendored_folders_are_skipped()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("web/node_modules/pkg/index.js", "")
            .Write("web/dist/main.js", "")
            .Write("svc/.venv/lib/x.py", "")
            .Write("svc/__pycache__/x.py", "");

        Assert.Empty(Run(repo).Findings);
    }

    [Fact]
    public void An_empty_minified_bundle_is_a_static_asset_and_not_reported()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("src/Api/wwwroot/js/site.js", "// Write your JavaScript code.\n")
            .Write("src/Api/wwwroot/js/site.min.js", "")
            .Write("src/Api/wwwroot/js/app.bundle.js", "")
            .Write("src/Api/wwwroot/js/menu.js", "");

        var finding = Assert.Single(Run(repo).Findings);

        Assert.Equal(("PF6004", repo.Path("src/Api/wwwroot/js/menu.js"), "'menu.js' is empty"), (finding.RuleId, finding.File, finding.Message));
    }

    [Fact]
    public void Only_the_owner_project_reports_repository_sources()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("src/Worker/Worker.csproj", Project)
            .Write("tools/empty.py", "");

        Assert.Single(Run(repo, "src/Api/Api.csproj").Findings);
        Assert.Empty(Run(repo, "src/Worker/Worker.csproj").Findings);
    }
}
