using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Compose;
using Preflight.Artifacts.Rules;

namespace Preflight.Checks.Compose;

/// <summary>
/// PF3002: a <c>$VAR</c> / <c>${VAR}</c> (or <c>${VAR?err}</c>) in a compose value whose variable has no default, is
/// not
/// set by the project .env, is not documented by an example env file beside the compose file or at the repository root
/// (<c>.env.example</c>, <c>.env.sample</c>, <c>.env.template</c>, <c>.env.dist</c>, <c>example.env</c>: copying it to
/// <c>.env</c> is the set-up step) and is not declared in preflight.yaml (<c>secrets:</c>/<c>variables:</c>). Variables
/// every
/// shell sets (HOME, PATH, USER, PWD, SHELL, LANG; USERPROFILE, APPDATA and the like on Windows) are not reported, nor
/// one the .env lists commented out
/// (<c>#NAME=</c>: an optional setting documented as such). Reported once per variable and file, at its first use.
/// Reported at the use, by the owner project (compose
/// files are repository-level).
/// </summary>
public static class ComposeVariableCheck
{
    private static readonly RuleInfo Rule = RuleCatalog.All[RuleCatalog.PF3002.Id];

    /// <summary>Set in every login shell that runs compose: not reported (compose reads them from the shell).</summary>
    private static readonly string[] ShellVariables =
    {
        "HOME", "PATH", "USER", "PWD", "SHELL", "LANG",
        // and every Windows session (compose on Windows reads them the same way)
        "USERPROFILE", "APPDATA", "LOCALAPPDATA", "USERNAME", "HOMEDRIVE", "HOMEPATH", "TEMP", "TMP", "ProgramData",
            "ProgramFiles", "SystemRoot",
    };

    public static void Run(CheckContext context)
    {
        if (!context.Layout.CurrentIsOwner)
        {
            return;
        }
        // One finding per variable and file (at its first use): setting it once fixes every use. A file loaded by
        // several
        // compose sets (a base and its overlays) is read with the same .env, so the first use is the same in each.
        var reported = new HashSet<(string File, string Name)>();
        foreach (var (path, file) in context.ComposeFiles)
        {
            var documented = ComposeEnvExamples.Documented(context, file.Files.Count > 0 ? file.Files[0] : path);
            var where = file.EnvFilePath != null ? context.Display(file.EnvFilePath)
                + " or an example env file (.env.example)" :
                $"a .env or example env file (.env.example) beside {context.Display(path)} (there is none)";
            foreach (var reference in file.UnsetVariables)
            {
                if (!ComposeCheckSupport.IsDeclared(context, reference.Name) && !documented.Contains(reference.Name)
                    && System.Array.IndexOf(ShellVariables, reference.Name) < 0 &&
                    reported.Add((ComposeCheckSupport.FileOf(reference.SourceFile, path), reference.Name)))
                {
                    context.Report(
                        Finding.At(
                        Rule, ComposeCheckSupport.FileOf(reference.SourceFile, path), reference.Span, reference.Name,
                        where));
                }
            }
            foreach (var error in file.Errors.Where(
                e => e.Kind == ComposeErrorKind.Interpolation && e.Variable != null))
            {
                if (!ComposeCheckSupport.IsDeclared(context, error.Variable!) && !documented.Contains(error.Variable!))
                {
                    context.Report(
                        Finding.At(
                        Rule, ComposeCheckSupport.FileOf(error.SourceFile, path), error.Span, error.Variable!, where));
                }
            }
        }
    }
}
