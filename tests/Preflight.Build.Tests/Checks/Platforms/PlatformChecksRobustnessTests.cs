using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class PlatformChecksRobustnessTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    [Fact]
    public void Malformed_manifests_preflight_yaml_and_vercel_json_give_no_finding_and_no_exception()
    {
        using var repo = new TempRepository()
            .Write("src/Api/Api.csproj", Project)
            .Write("preflight.yaml", "policies: [{name: p, files: '[', kind: [Deployment], require: ['spec.\"x'], forbid: ['{{', '[z-a]']}]\nexternal: 3\n")
            .Write("deploy/binary.yaml", "\u0000\u0001\u0002kind: Deployment\u0000")
            .Write("deploy/broken.yaml", "kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          envFrom: [secretRef: {name: x}\n")
            .Write("deploy/bomb.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nkind: Pod\nspec: {containers: [{name: c, envFrom: [{secretRef: {name: nowhere-defined}}]}]}\n")
            .Write("vercel.json", "{\"functions\": 3, \"builds\": {\"src\": \"x\"}")
            .Write("web/vercel.json", "\u0000\u0000");
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());

        RepositoryChecks.Run(context);

        // The malformed preflight.yaml is PF1005's business (both of its errors); among the platform rules, the only finding
        // a human would agree with is the Pod's reference in the alias-heavy (but valid) file.
        Assert.Equal(new[] { (1, 64), (2, 11) }, context.Findings.Where(f => f.RuleId == "PF1005").Select(f => (f.Line, f.Column)));
        var finding = Assert.Single(context.Findings, f => f.RuleId != "PF1005");
        Assert.Equal(("PF5001", repo.Path("deploy/bomb.yaml")), (finding.RuleId, finding.File));
        Assert.Contains("Secret 'nowhere-defined'", finding.Message);
    }
}
