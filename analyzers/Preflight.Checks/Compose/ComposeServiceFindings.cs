using System.Collections.Generic;
using Preflight.Artifacts.Compose;

namespace Preflight.Checks.Compose;

/// <summary>
/// Findings about a compose service's merged configuration (PF3003, PF3004) that every compose set holding the service
/// must agree on: a base service is loaded alone and again with each overlay that changes it (the override file of
/// <c>docker-compose-tests.yml</c> may set the password the base lacks). A finding is reported only when each set
/// that holds the service finds it; when one combination satisfies the rule, which one deploys is unknown: silence.
/// </summary>
internal sealed class ComposeServiceFindings
{
    private readonly Dictionary<(string File, int Line, int Column),
        int> _sets = new Dictionary<(string, int, int), int>();
    private readonly List<(Finding Finding, (string, int, int) Service)> _order = new List<(Finding,
        (string, int, int))>();
    private readonly Dictionary<Finding, int> _counts = new Dictionary<Finding, int>();

    /// <summary>Counts one compose set that holds the service; call once per set and service, before its
    /// findings.</summary>
    public void Seen(string path, ComposeService service) =>
        _sets[Key(path, service)] = _sets.TryGetValue(Key(path, service), out var n) ? n + 1 : 1;

    /// <summary>A finding of the service in the current set.</summary>
    public void Add(string path, ComposeService service, Finding finding)
    {
        if (_counts.TryGetValue(finding, out var n))
        {
            _counts[finding] = n + 1;
            return;
        }
        _counts[finding] = 1;
        _order.Add((finding, Key(path, service)));
    }

    /// <summary>Reports the findings every set holding their service agreed on, in the order first found.</summary>
    public void ReportTo(CheckContext context)
    {
        foreach (var (finding, service) in _order)
        {
            if (_counts[finding] >= _sets[service])
            {
                context.Report(finding);
            }
        }
    }

    private static (string, int, int) Key(string path, ComposeService service) =>
        (ComposeCheckSupport.FileOf(service.NameSourceFile, path), service.NameSpan.Line, service.NameSpan.Column);
}
