using System;
using System.Collections.Generic;

namespace Preflight.Analyzers.Routes;

/// <summary>
/// An ASP.NET Core route template reduced to what decides whether a request path matches it: literal segments
/// (case-insensitive), parameters (<c>{id}</c>, <c>{id:int}</c>), optional parameters (<c>{id?}</c>, <c>{id=1}</c>) and
/// catch-alls (<c>{*rest}</c>, <c>{**rest}</c>). Complex segments (<c>{name}.json</c>) match any one segment.
/// </summary>
internal sealed class RouteTemplate
{
    private readonly IReadOnlyList<RouteSegment> _segments;

    private RouteTemplate(string text, IReadOnlyList<RouteSegment> segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The template as it was combined ("/api/orders/{id}").</summary>
    public string Text { get; }

    /// <summary>Null when the template is malformed (unbalanced braces).</summary>
    public static RouteTemplate? Parse(string template)
    {
        var segments = new List<RouteSegment>();
        foreach (var part in SplitPath(template))
        {
            if (RouteSegment.Parse(part) is not { } segment)
            {
                return null;
            }
            segments.Add(segment);
        }
        return new RouteTemplate("/" + string.Join("/", SplitPath(template)), segments);
    }

    /// <summary>Joins a prefix and a template as MapGroup and [Route] on a controller do.</summary>
    public static string Combine(string prefix, string template)
    {
        var left = prefix.Trim().TrimEnd('/');
        var right = template.Trim().TrimStart('/');
        if (left.StartsWith("~", StringComparison.Ordinal))
        {
            left = left.Substring(1);
        }
        return right.Length == 0 ? (left.Length == 0 ? "/" : left) : left + "/" + right;
    }

    /// <summary>The path's segments (no empty ones): "/a//b/" is a, b. A leading "~" is dropped.</summary>
    public static List<string> SplitPath(string path)
    {
        if (path.StartsWith("~", StringComparison.Ordinal))
        {
            path = path.Substring(1);
        }
        var result = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length > 0)
            {
                result.Add(part);
            }
        }
        return result;
    }

    /// <summary>True when the request path (segments, already unescaped) matches the whole template.</summary>
    public bool Matches(IReadOnlyList<string> path) => Match(path, 0, 0);

    /// <summary>True when some tail of the path matches (the template's prefix is unknown).</summary>
    public bool MatchesSuffix(IReadOnlyList<string> path)
    {
        for (var start = 0; start <= path.Count; start++)
        {
            if (Match(path, start, 0))
            {
                return true;
            }
        }
        return false;
    }

    private bool Match(IReadOnlyList<string> path, int pathIndex, int segmentIndex)
    {
        if (segmentIndex == _segments.Count)
        {
            return pathIndex == path.Count;
        }
        var segment = _segments[segmentIndex];
        if (segment.IsCatchAll)
        {
            return true;
        }
        if (pathIndex == path.Count)
        {
            // The rest must all be optional (or catch-all).
            for (var i = segmentIndex; i < _segments.Count; i++)
            {
                if (!_segments[i].IsOptional && !_segments[i].IsCatchAll)
                {
                    return false;
                }
            }
            return true;
        }
        return segment.Accepts(path[pathIndex]) && Match(path, pathIndex + 1, segmentIndex + 1);
    }
}

internal sealed class RouteSegment
{
    private readonly string? _literal;
    private readonly string? _constraint;

    private RouteSegment(string? literal, bool isOptional, bool isCatchAll, string? constraint)
    {
        _literal = literal;
        IsOptional = isOptional;
        IsCatchAll = isCatchAll;
        _constraint = constraint;
    }

    public bool IsOptional { get; }
    public bool IsCatchAll { get; }

    public static RouteSegment? Parse(string text)
    {
        var open = text.IndexOf('{');
        if (open < 0)
        {
            return text.IndexOf('}') >= 0 ? null : new RouteSegment(text, false, false, null);
        }
        // "{{" escapes a brace: leave such segments as "anything".
        var close = text.LastIndexOf('}');
        if (close < open)
        {
            return null;
        }
        if (open != 0 || close != text.Length - 1 || text.IndexOf('{', 1) > 0)
        {
            return new RouteSegment(null, false, false, null); // Complex segment: any value.
        }
        var inner = text.Substring(1, text.Length - 2);
        var catchAll = inner.StartsWith("*", StringComparison.Ordinal);
        inner = inner.TrimStart('*');
        var optional = inner.EndsWith("?", StringComparison.Ordinal) || inner.IndexOf('=') >= 0;
        string? constraint = null;
        var colon = inner.IndexOf(':');
        if (colon >= 0)
        {
            constraint = inner.Substring(colon + 1).TrimEnd('?');
            var equals = constraint.IndexOf('=');
            if (equals >= 0)
            {
                constraint = constraint.Substring(0, equals);
            }
        }
        return new RouteSegment(null, optional, catchAll, constraint);
    }

    public bool Accepts(string value)
    {
        if (_literal != null)
        {
            return string.Equals(_literal, value, StringComparison.OrdinalIgnoreCase);
        }
        if (_constraint == null)
        {
            return true;
        }
        // Only constraints whose failures are certain are checked; others accept anything.
        foreach (var constraint in _constraint.Split(':'))
        {
            switch (constraint.Trim().ToLowerInvariant())
            {
                case "int":
                case "long":
                    if (!IsInteger(value))
                    {
                        return false;
                    }
                    break;
                case "alpha":
                    foreach (var c in value)
                    {
                        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'))
                        {
                            return false;
                        }
                    }
                    break;
                case "bool":
                    if (!string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)
                        && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }
                    break;
            }
        }
        return true;
    }

    private static bool IsInteger(string value)
    {
        var start = value.StartsWith("-", StringComparison.Ordinal) ? 1 : 0;
        if (value.Length == start)
        {
            return false;
        }
        for (var i = start; i < value.Length; i++)
        {
            if (value[i] < '0' || value[i] > '9')
            {
                return false;
            }
        }
        return true;
    }
}
