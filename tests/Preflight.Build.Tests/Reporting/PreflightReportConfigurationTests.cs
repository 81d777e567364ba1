using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Preflight.Build.Tasks;
using Preflight.Build.Tests.Infrastructure;
using Xunit;

namespace Preflight.Build.Tests.Reporting;

/// <summary>Each configuration path of a file check's finding in the build: .editorconfig, global config, NoWarn, TreatWarningsAsErrors, WarningsAsErrors, WarningsNotAsErrors.</summary>
public sealed class PreflightReportConfigurationTests
{
    // PF3002 (compose) is a warning by default, PF2001 (Dockerfile) an error.
    private static (RecordingBuildEngine Engine, bool Result) Report(TempRepository repo, System.Action<PreflightReport>? configure = null)
    {
        repo.Write("obj/findings.tsv", string.Join("\n",
            new Finding("PF3002", repo.Path("deploy/docker-compose.yml"), 4, 7, 4, 20, "Service 'api' ...").Serialize(),
            new Finding("PF2001", repo.Path("src/Api/Dockerfile"), 2, 6, 2, 10, "COPY source 'nope' ...").Serialize()) + "\n");
        var engine = new RecordingBuildEngine();
        var report = new PreflightReport { BuildEngine = engine, FindingsFile = repo.Path("obj/findings.tsv"), ReportedFindingsFile = repo.Path("obj/reported.tsv") };
        configure?.Invoke(report);
        return (engine, report.Execute());
    }

    [Fact]
    public void Without_configuration_rules_keep_their_default_severity()
    {
        using var repo = new TempRepository();
        var (engine, result) = Report(repo);
        Assert.False(result);
        Assert.Equal("PF2001", Assert.Single(engine.Errors).Code);
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("PF3002", repo.Path("deploy/docker-compose.yml"), 4, 7), (warning.Code, warning.File, warning.LineNumber, warning.ColumnNumber));
    }

    [Fact]
    public void Editorconfig_severity_none_silences_a_rule_for_the_files_its_section_matches()
    {
        using var repo = new TempRepository().Write(".editorconfig", "root = true\n[*.{yml,yaml}]\ndotnet_diagnostic.PF3002.severity = none\n[Dockerfile]\ndotnet_diagnostic.PF2001.severity = warning\n");
        var (engine, result) = Report(repo);
        Assert.True(result);
        Assert.Empty(engine.Errors);
        Assert.Equal("PF2001", Assert.Single(engine.Warnings).Code);
        Assert.Equal(new[] { "Warning\tPF2001" }, File.ReadAllLines(repo.Path("obj/reported.tsv")).Select(l => string.Join("\t", l.Split('\t').Take(2))));
    }

    [Fact]
    public void A_nearer_editorconfig_overrides_the_root_one_and_suggestion_is_a_message()
    {
        using var repo = new TempRepository()
            .Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.PF3002.severity = error\n")
            .Write("deploy/.editorconfig", "[docker-compose.yml]\ndotnet_diagnostic.PF3002.severity = suggestion\n");
        var (engine, _) = Report(repo);
        Assert.Empty(engine.Warnings);
        Assert.DoesNotContain(engine.Errors, e => e.Code == "PF3002");
        Assert.Contains(engine.Messages, m => m.Code == "PF3002" && m.Importance == MessageImportance.High);
    }

    [Fact]
    public void A_bulk_category_entry_applies_when_no_entry_names_the_rule()
    {
        using var repo = new TempRepository().Write(".editorconfig", "[*]\ndotnet_analyzer_diagnostic.category-Preflight.Compose.severity = error\n");
        var (engine, _) = Report(repo);
        Assert.Equal(new[] { "PF2001", "PF3002" }, engine.Errors.Select(e => e.Code).OrderBy(c => c));
    }

    [Fact]
    public void A_global_config_from_EditorConfigFiles_applies()
    {
        using var repo = new TempRepository().Write("build/rules.globalconfig", "is_global = true\ndotnet_diagnostic.PF2001.severity = none\n");
        var (engine, result) = Report(repo, r => r.EditorConfigFiles = new ITaskItem[] { new TaskItem(repo.Path("build/rules.globalconfig")) });
        Assert.True(result);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void TreatWarningsAsErrors_makes_warnings_errors_except_WarningsNotAsErrors()
    {
        using var repo = new TempRepository();
        var (engine, _) = Report(repo, r => r.TreatWarningsAsErrors = true);
        Assert.Equal(new[] { "PF2001", "PF3002" }, engine.Errors.Select(e => e.Code).OrderBy(c => c));

        using var other = new TempRepository();
        var (kept, _) = Report(other, r => { r.TreatWarningsAsErrors = true; r.WarningsNotAsErrors = "PF3002"; });
        Assert.Equal("PF3002", Assert.Single(kept.Warnings).Code);
    }

    [Fact]
    public void WarningsAsErrors_names_rules_and_NoWarn_wins()
    {
        using var repo = new TempRepository();
        var (engine, _) = Report(repo, r => r.WarningsAsErrors = "PF3002");
        Assert.Contains(engine.Errors, e => e.Code == "PF3002");

        using var other = new TempRepository();
        var (silenced, _) = Report(other, r => { r.WarningsAsErrors = "PF3002"; r.NoWarn = "$(NoWarn);PF3002;PF2001"; });
        Assert.Empty(silenced.Errors);
        Assert.Empty(silenced.Warnings);
    }
}
