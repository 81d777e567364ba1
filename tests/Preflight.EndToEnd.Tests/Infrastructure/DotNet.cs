using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Preflight.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI as a user would, with no build servers left behind.</summary>
public static class DotNet
{
    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        // Tests run under 'dotnet test', whose MSBuild variables must not leak into the builds under test.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)TimeSpan.FromMinutes(8).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(" ", arguments)} did not finish in 8 minutes:\n{output}");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, output.ToString());
    }

    /// <summary>Builds with a file logger (no summary, so each diagnostic appears once) and returns the log.</summary>
    public static Result Build(string workingDirectory, string target, string version, string verbosity = "minimal", params string[] properties)
    {
        var log = Path.Combine(Path.GetTempPath(), "preflight-e2e-" + Guid.NewGuid().ToString("N") + ".log");
        var arguments = new List<string>
        {
            "build", target, "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:PreflightVersion=" + version,
            "-noConsoleLogger", $"-flp:logfile={log};verbosity={verbosity};NoSummary",
        };
        arguments.AddRange(properties);
        var result = Run(workingDirectory, arguments.ToArray());
        var text = File.Exists(log) ? File.ReadAllText(log) : string.Empty;
        File.Delete(log);
        return result with { Output = text + result.Output };
    }
}
