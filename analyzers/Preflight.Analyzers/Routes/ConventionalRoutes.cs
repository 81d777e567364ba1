using System;
using System.Collections.Generic;

namespace Preflight.Analyzers.Routes;

/// <summary>An action of a controller without attribute routes: it is reached through the conventional
/// routes.</summary>
internal sealed class ConventionalAction
{
    public ConventionalAction(string controller, string action, string? area, IReadOnlyCollection<string>? methods)
    {
        Controller = controller;
        Action = action;
        Area = area;
        Methods = methods;
    }

    public string Controller { get; }
    public string Action { get; }
    public string? Area { get; }
    public IReadOnlyCollection<string>? Methods { get; }
}

/// <summary>
/// The routes a conventional pattern (<c>MapDefaultControllerRoute()</c>'s
/// <c>{controller=Home}/{action=Index}/{id?}</c>,
/// <c>MapControllerRoute(name, pattern, defaults)</c>) gives the conventionally routed actions: <c>{controller}</c> and
/// <c>{action}</c> become each action's names, and trailing segments whose default is that name (or that are optional)
/// may be
/// left out, so <c>/</c> and <c>/Home</c> reach <c>HomeController.Index</c>.
/// </summary>
internal static class ConventionalRoutes
{
    public const string DefaultPattern = "{controller=Home}/{action=Index}/{id?}";

    /// <summary>Null when the pattern cannot be expanded (areas, controller or action inside a complex segment, no
    /// controller known).</summary>
    public static List<RouteEntry>? Expand(
        string pattern, IReadOnlyDictionary<string, string> defaults, IEnumerable<ConventionalAction> actions)
    {
        var parts = RouteTemplate.SplitPath(pattern);
        var segments = new List<Segment>();
        bool hasController = false, hasAction = false;
        foreach (var part in parts)
        {
            var segment = Segment.Parse(part);
            if (segment == null)
            {
                return null;
            }
            hasController |= segment.Name == "controller";
            hasAction |= segment.Name == "action";
            segments.Add(segment);
        }
        if ((!hasController && !defaults.ContainsKey("controller")) || (!hasAction && !defaults.ContainsKey("action")))
        {
            return null;
        }
        var routes = new List<RouteEntry>();
        foreach (var action in actions)
        {
            if (action.Area != null ||
                !hasController && !Same(defaults["controller"], action.Controller) ||
                !hasAction && !Same(defaults["action"], action.Action))
            {
                continue;
            }
            var texts = new List<string>();
            var optional = new List<bool>();
            foreach (var segment in segments)
            {
                switch (segment.Name)
                {
                    case "controller":
                    case "action":
                        var value = segment.Name == "controller" ? action.Controller : action.Action;
                        var @default = segment.Default
                            ?? (defaults.TryGetValue(segment.Name, out var given) ? given : null);
                        texts.Add(value);
                        optional.Add(@default != null && Same(@default, value));
                        break;
                    default:
                        texts.Add(segment.Text);
                        optional.Add(segment.IsOptional || segment.Name != null && defaults.ContainsKey(segment.Name));
                        break;
                }
            }
            for (var count = texts.Count; count >= 0; count--)
            {
                if (RouteTemplate.Parse(string.Join("/", texts.GetRange(0, count))) is { } template)
                {
                    routes.Add(new RouteEntry(template, action.Methods, false));
                }
                if (count == 0 || !optional[count - 1])
                {
                    break;
                }
            }
        }
        return routes;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private sealed class Segment
    {
        private Segment(string text, string? name, string? @default, bool isOptional)
        {
            Text = text;
            Name = name;
            Default = @default;
            IsOptional = isOptional;
        }

        public string Text { get; }
        /// <summary>The parameter name (lower case) when the segment is one parameter, else null.</summary>
        public string? Name { get; }
        public string? Default { get; }
        public bool IsOptional { get; }

        /// <summary>Null when the segment cannot be expanded: an area, or controller/action inside a complex
        /// segment.</summary>
        public static Segment? Parse(string text)
        {
            var open = text.IndexOf('{');
            if (open < 0)
            {
                return new Segment(text, null, null, false);
            }
            var close = text.LastIndexOf('}');
            if (open != 0 || close != text.Length - 1 || text.IndexOf('{', 1) > 0)
            {
                var lower = text.ToLowerInvariant();
                return lower.Contains("{controller") || lower.Contains("{action")
                    || lower.Contains("{area") ? null : new Segment(text, null, null, false);
            }
            var inner = text.Substring(1, text.Length - 2).TrimStart('*');
            var equals = inner.IndexOf('=');
            var @default = equals >= 0 ? inner.Substring(equals + 1) : null;
            var head = equals >= 0 ? inner.Substring(0, equals) : inner;
            var optional = head.EndsWith("?", StringComparison.Ordinal) || @default != null
                || text.StartsWith("{*", StringComparison.Ordinal);
            var colon = head.IndexOf(':');
            var name = (colon >= 0 ? head.Substring(0, colon) : head).TrimEnd('?').Trim().ToLowerInvariant();
            if (name == "area")
            {
                return null;
            }
            return new Segment(text, name, @default, optional);
        }
    }
}
