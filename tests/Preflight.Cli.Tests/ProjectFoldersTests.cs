using System.Linq;
using Preflight.Cli.Analysis;
using Preflight.Cli.Projects;
using Xunit;

namespace Preflight.Cli.Tests;

/// <summary>
/// Issue 15: a project's default C# files come from an index built once per run (ProjectFolders), not from a pass over
/// every file of the repository for every project; the SDK's rule is kept: a folder's files belong to the deepest
/// project folder above them, and two projects in one folder both compile them.
/// </summary>
public class ProjectFoldersTests
{
    private static readonly string[] Projects =
    {
        "/repo/src/App/App.csproj", "/repo/src/App/Tools/Tools.csproj", "/repo/src/Twin/A.csproj", "/repo/src/Twin/B.csproj",
    };

    private static readonly string[] Files =
    {
        "/repo/Loose.cs", "/repo/src/App/Program.cs", "/repo/src/App/Features/Orders.cs", "/repo/src/App/Tools/Tool.cs",
        "/repo/src/App/Tools/Deep/Helper.cs", "/repo/src/AppOther/Other.cs", "/repo/src/Twin/Shared.cs",
    };

    [Fact]
    public void A_projects_files_stop_at_the_folders_of_projects_nested_in_it()
    {
        var folders = new ProjectFolders(Files, Projects);

        Assert.Equal(new[] { "/repo/src/App/Program.cs", "/repo/src/App/Features/Orders.cs" }, folders.FilesOf("/repo/src/App"));
        Assert.Equal(new[] { "/repo/src/App/Tools/Tool.cs", "/repo/src/App/Tools/Deep/Helper.cs" }, folders.FilesOf("/repo/src/App/Tools"));
    }

    [Fact]
    public void A_folder_whose_name_starts_like_a_project_folder_is_not_under_it_and_files_above_every_project_belong_to_none()
    {
        var folders = new ProjectFolders(Files, Projects);

        Assert.DoesNotContain("/repo/src/AppOther/Other.cs", Projects.SelectMany(p => folders.FilesOf(p[..p.LastIndexOf('/')])));
        Assert.DoesNotContain("/repo/Loose.cs", Projects.SelectMany(p => folders.FilesOf(p[..p.LastIndexOf('/')])));
    }

    [Fact]
    public void Two_projects_in_one_folder_both_get_its_files()
    {
        var folders = new ProjectFolders(Files, Projects);

        Assert.Equal(new[] { "/repo/src/Twin/Shared.cs" }, folders.FilesOf("/repo/src/Twin"));
    }

    [Fact]
    public void The_gate_admits_a_project_larger_than_the_budget_when_nothing_else_runs()
    {
        var gate = new ProjectGate(budget: 10);

        using (gate.Enter(100, default))
        {
            // Admitted alone: nothing was in flight.
        }
        using var first = gate.Enter(4, default);
        using var second = gate.Enter(6, default); // 4 + 6 is within the budget: no wait.
    }

    [Fact]
    public void The_gate_holds_back_a_project_that_would_exceed_the_budget_until_one_in_flight_is_done()
    {
        var gate = new ProjectGate(budget: 10);
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();

        var first = gate.Enter(8, default);
        // 8 + 4 is over the budget: the project waits (a cancelled wait throws instead of admitting it).
        Assert.Throws<System.OperationCanceledException>(() => gate.Enter(4, cancelled.Token));
        first.Dispose();
        // Nothing in flight any more: admitted at once, the cancelled token is never looked at.
        using var admitted = gate.Enter(4, cancelled.Token);
        using var alongside = gate.Enter(6, cancelled.Token); // 4 + 6 fits the budget.
    }
}
