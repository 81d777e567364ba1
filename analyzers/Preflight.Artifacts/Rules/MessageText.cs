using System.Collections.Generic;
using System.Linq;

namespace Preflight.Artifacts.Rules;

/// <summary>Keeps messages short (about 300 characters): lists of files or names are cut to their first few
/// items.</summary>
public static class MessageText
{
    /// <summary><c>a, b, c, and 4 more</c>: the first <paramref name="max"/> items, then how many were left
    /// out.</summary>
    public static string List(IEnumerable<string> items, int max = 3)
    {
        var all = items.ToList();
        return string.Join(", ", all.Take(max)) + (all.Count > max ? $", and {all.Count - max} more" : string.Empty);
    }
}
