using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PF6005PythonImportTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private static (string Id, string File, int Line, int Column, string Message)[] Run(TempRepository repo, string project = "src/Api/Api.csproj")
    {
        var all = repo.Artifacts().ToList();
        var context = new CheckContext(repo.Root, repo.Path(project), all.Where(p => p.EndsWith(".csproj")), all);
        PythonImportCheck.Run(context);
        return context.Findings.Select(f => (f.RuleId, f.File, f.Line, f.Column, f.Message)).OrderBy(f => f.File).ThenBy(f => f.Line).ToArray();
    }

    [Fact]
    public void Empty_module_is_reported_at_the_import()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("api/__init__.py")
            .Write("api/database/__init__.py")
            .Write("api/database/models.py", "\n")
            .Write("api/main.py", "import os\nfrom api.database.models import User\n");

        var finding = Assert.Single(Run(repo));

        Assert.Equal(("PF6005", repo.Path("api/main.py"), 2, 6), (finding.Id, finding.File, finding.Line, finding.Column));
        Assert.Equal("'api.database.models' cannot be imported: api/database/models.py is empty", finding.Message);
    }

    [Fact]
    public void Name_the_module_does_not_define_is_reported_at_the_name()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("service/storage.py", "class StorageService:\n    def upload(self): ...\n")
            .Write("service/app.py", "from storage import StorageService, upload_document\n");

        var finding = Assert.Single(Run(repo));

        Assert.Equal((repo.Path("service/app.py"), 1, 37), (finding.File, finding.Line, finding.Column));
        Assert.Contains("'upload_document' cannot be imported: service/storage.py defines no 'upload_document'", finding.Message);
    }

    [Fact]
    public void Missing_module_of_a_regular_package_and_relative_imports_are_reported()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("app/__init__.py")
            .Write("app/routes.py", "from .schemas import Item\nfrom . import models\nfrom .. import outside\n")
            .Write("app/models.py", "X = 1\n");

        var findings = Run(repo);

        var finding = Assert.Single(findings);
        Assert.Equal((1, 6), (finding.Line, finding.Column));
        Assert.Equal("'.schemas' cannot be imported: module '.schemas' does not exist (expected app/schemas.py or app/schemas/__init__.py)", finding.Message);
    }

    [Fact]
    public void Resolvable_imports_third_party_modules_and_unknown_shapes_are_silent()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("svc/pkg/__init__.py", "")
            .Write("svc/pkg/sub.py", "VALUE = 1\n")
            .Write("svc/pkg/star.py", "from os.path import *\n")
            .Write("svc/pkg/lazy.py", "def __getattr__(name):\n    return name\n")
            .Write("svc/ns/thing.py", "Thing = 1\n")
            .Write("svc/main.py", """
                import requests
                from fastapi import FastAPI
                import pkg.sub
                from pkg import sub
                from pkg.sub import VALUE
                from pkg.star import join
                from pkg.lazy import anything
                from ns import missing_in_namespace_package
                from ns.other import Y
                try:
                    from pkg.sub import NotThere
                except ImportError:
                    pass
                """)
            .Write(".venv/lib/site.py", "from pkg import nothing\n");

        Assert.Empty(Run(repo));
    }

    [Fact]
    public void Only_the_owner_project_checks_python()
    {
        using var repo = new TempRepository()
            .Write("a/A.csproj", Project)
            .Write("b/B.csproj", Project)
            .Write("py/models.py", "")
            .Write("py/main.py", "from models import User\n");

        Assert.Single(Run(repo, "a/A.csproj"));
        Assert.Empty(Run(repo, "b/B.csproj"));
    }
}
