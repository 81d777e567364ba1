using System;
using System.Linq;
using System.Text;
using Preflight.Artifacts.Docker;
using Xunit;

namespace Preflight.Artifacts.Tests.Docker;

/// <summary>
/// Issue 14 (1): the scope of every instruction was a copy of every variable, so n ENV lines cost O(n²) memory
/// (8,000 lines: 3.6 GB). The scopes are now snapshots of a variable history: memory grows linearly.
/// </summary>
public class DockerScopeScalingTests
{
    private static string ManyEnvLines(int count)
    {
        var text = new StringBuilder("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nARG BASE=/srv\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("ENV VAR_").Append(i).Append("=$BASE/").Append(i).Append('\n');
        }
        text.Append("FROM base AS child\nWORKDIR $VAR_1\n");
        return text.ToString();
    }

    /// <summary>Bytes allocated to compute the scope of every instruction (the parse itself excluded).</summary>
    private static long ScopeAllocations(int count)
    {
        var dockerfile = DockerfileParser.Parse(ManyEnvLines(count));
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var instruction in dockerfile.Instructions)
        {
            dockerfile.ScopeAt(instruction);
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Scopes_of_a_Dockerfile_with_many_ENV_lines_grow_linearly()
    {
        ScopeAllocations(100); // warm-up (static caches)
        var small = ScopeAllocations(2000);
        var large = ScopeAllocations(8000);

        // Four times the lines: about four times the memory (a copy per instruction made it sixteen times).
        Assert.True(large < small * 6, $"2,000 ENV lines allocated {small:N0} bytes, 8,000 allocated {large:N0}");
        Assert.True(large < 64L * 1024 * 1024, $"8,000 ENV lines allocated {large:N0} bytes");
    }

    [Fact]
    public void A_snapshot_does_not_see_later_assignments_and_a_child_stage_sees_the_final_ones()
    {
        var dockerfile = DockerfileParser.Parse(ManyEnvLines(50));
        var env10 = dockerfile.Instructions.First(i => i.Keyword == "ENV" && i.Values[0] == "VAR_10");
        var scope = dockerfile.ScopeAt(env10);

        Assert.True(scope.IsDeclared("VAR_9"));
        Assert.Equal("/srv/9", scope.Variables["VAR_9"]);
        Assert.False(scope.IsDeclared("VAR_10"));
        Assert.False(scope.Variables.ContainsKey("VAR_11"));
        Assert.Equal(12, scope.Variables.Count); // VAR_0 to VAR_9, BASE and PATH: nothing declared later
        var child = dockerfile.ScopeAt(dockerfile.Instructions[dockerfile.Instructions.Count - 1]);
        Assert.Equal("/srv/49", child.Variables["VAR_49"]);
        Assert.False(child.IsDeclared("BASE")); // an ARG is not inherited by a stage built FROM this one
    }

    [Fact]
    public void ENV_wins_over_an_ARG_of_the_same_name_whatever_the_order()
    {
        var dockerfile = DockerfileParser.Parse("FROM alpine\nENV X=env\nARG X=arg\nARG Y\nWORKDIR /$X\n");
        var scope = dockerfile.ScopeAt(dockerfile.Instructions[4]);

        Assert.Equal("/env", scope.Expand("/$X").Result);
        Assert.True(scope.IsDeclared("Y"));
        Assert.False(scope.Variables.ContainsKey("Y"));
        Assert.Contains("Y", scope.Declared);
    }

    [Fact]
    public void A_chain_of_thousands_of_stages_is_parsed_and_computed_in_linear_time_without_recursion()
    {
        var text = new StringBuilder("FROM alpine AS s0\nENV A0=0\n");
        for (var i = 1; i < 20000; i++)
        {
            text.Append("FROM s").Append(i - 1).Append(" AS s").Append(i).Append('\n');
        }
        text.Append("WORKDIR /$A0\n");
        var dockerfile = DockerfileParser.Parse(text.ToString());

        var last = dockerfile.ScopeAt(dockerfile.Instructions[dockerfile.Instructions.Count - 1]);

        Assert.Equal("/0", last.Expand("/$A0").Result);
    }
}
