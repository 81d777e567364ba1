using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Preflight.Analyzers.Routes;

/// <summary>
/// Attribute routes of the project's controllers: [Route] on the class (or an inherited one) combined with [Route] and
/// [HttpGet("...")]-style attributes of each action; <c>[controller]</c>, <c>[action]</c> and <c>[area]</c> replaced;
/// templates starting with <c>/</c> or <c>~/</c> ignore the controller's route.
/// </summary>
internal sealed class ControllerRoutes
{
    private static readonly Dictionary<string, string> Verbs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["HttpGetAttribute"] = "GET", ["HttpPostAttribute"] = "POST", ["HttpPutAttribute"] = "PUT",
            ["HttpDeleteAttribute"] = "DELETE",
        ["HttpPatchAttribute"] = "PATCH", ["HttpHeadAttribute"] = "HEAD", ["HttpOptionsAttribute"] = "OPTIONS",
    };

    private readonly INamedTypeSymbol? _controllerBase;
    private readonly ConcurrentQueue<RouteEntry> _routes = new ConcurrentQueue<RouteEntry>();

    public ControllerRoutes(Compilation compilation) =>
        _controllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");

    public IEnumerable<RouteEntry> Routes() => _routes;

    /// <summary>Actions with no route template on them or their controller: reached through conventional routes
    /// only.</summary>
    public IEnumerable<ConventionalAction> ConventionalActions() => _conventional;

    private readonly ConcurrentQueue<ConventionalAction> _conventional = new ConcurrentQueue<ConventionalAction>();

    public void Add(INamedTypeSymbol type)
    {
        if (!IsController(type))
        {
            return;
        }
        var controllerName = Strip(type.Name, "Controller");
        var area = StringArgument(FindAttribute(type, "AreaAttribute"));
        var classTemplates = ClassTemplates(type);
        for (var current = type; current != null && current.Locations.Length > 0
            && current.Locations[0].IsInSource; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false,
                    DeclaredAccessibility: Accessibility.Public } action &&
                    !HasAttribute(action, "NonActionAttribute") && !action.IsOverride)
                {
                    AddAction(action, classTemplates, controllerName, area);
                }
            }
        }
    }

    private void AddAction(IMethodSymbol action, List<string> classTemplates, string controllerName, string? area)
    {
        var actionName = StringArgument(FindAttribute(action, "ActionNameAttribute")) ?? Strip(action.Name, "Async");
        var verbs = new List<string>();
        var templates = new List<string?>();
        foreach (var attribute in action.GetAttributes())
        {
            var name = attribute.AttributeClass?.Name;
            if (name == null)
            {
                continue;
            }
            if (Verbs.TryGetValue(name, out var verb))
            {
                verbs.Add(verb);
                templates.Add(StringArgument(attribute));
            }
            else if (name == "AcceptVerbsAttribute")
            {
                foreach (var argument in attribute.ConstructorArguments)
                {
                    if (argument.Kind == TypedConstantKind.Array)
                    {
                        foreach (var value in argument.Values)
                        {
                            if (value.Value is string text)
                            {
                                verbs.Add(text.ToUpperInvariant());
                            }
                        }
                    }
                    else if (argument.Value is string single)
                    {
                        verbs.Add(single.ToUpperInvariant());
                    }
                }
                templates.Add(NamedString(attribute, "Route"));
            }
            else if (name == "RouteAttribute")
            {
                templates.Add(StringArgument(attribute));
            }
        }
        if (templates.Count == 0)
        {
            templates.Add(null); // No route on the action: the controller's route alone.
        }
        IReadOnlyCollection<string>? methods = verbs.Count == 0 ? null : verbs;
        if (classTemplates.Count == 0 && templates.TrueForAll(t => t == null))
        {
            _conventional.Enqueue(new ConventionalAction(controllerName, actionName, area, methods));
            return;
        }
        foreach (var template in templates)
        {
            if (template != null
                && (template.StartsWith("/", StringComparison.Ordinal)
                || template.StartsWith("~/", StringComparison.Ordinal)))
            {
                Add(template, controllerName, actionName, area, methods);
                continue;
            }
            foreach (var classTemplate in classTemplates)
            {
                Add(template == null ? classTemplate : RouteTemplate.Combine(classTemplate, template), controllerName,
                    actionName, area, methods);
            }
            if (classTemplates.Count == 0 && template != null)
            {
                Add(template, controllerName, actionName, area, methods);
            }
        }
    }

    private void Add(
        string template, string controller, string action, string? area, IReadOnlyCollection<string>? methods)
    {
        var replaced = Replace(template, "[controller]", controller);
        replaced = Replace(replaced, "[action]", action);
        if (area != null)
        {
            replaced = Replace(replaced, "[area]", area);
        }
        // Any other token is unknown: it matches any segment.
        if (replaced.IndexOf('[') >= 0)
        {
            replaced = OtherToken.Replace(replaced, "{token}");
        }
        if (RouteTemplate.Parse(replaced) is { } parsed)
        {
            _routes.Enqueue(new RouteEntry(parsed, methods, false));
        }
    }

    private static readonly System.Text.RegularExpressions.Regex OtherToken =
        new System.Text.RegularExpressions.Regex(@"\[[^\[\]/]+\]");

    private static List<string> ClassTemplates(INamedTypeSymbol type)
    {
        var templates = new List<string>();
        for (var current = type; current != null && templates.Count == 0; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == "RouteAttribute" && StringArgument(attribute) is { } template)
                {
                    templates.Add(template);
                }
            }
        }
        return templates;
    }

    private bool IsController(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsGenericType
            || type.DeclaredAccessibility != Accessibility.Public ||
            HasAttribute(type, "NonControllerAttribute"))
        {
            return false;
        }
        if (type.Name.EndsWith("Controller", StringComparison.Ordinal))
        {
            return true;
        }
        for (var current = type; current != null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _controllerBase)
                || HasAttribute(current, "ControllerAttribute"))
            {
                return true;
            }
        }
        return false;
    }

    private static string Replace(string text, string token, string value) =>
        System.Text.RegularExpressions.Regex.Replace(
            text, System.Text.RegularExpressions.Regex.Escape(token), value.Replace("$", "$$"),
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static string Strip(string name, string suffix) =>
        name.EndsWith(suffix, StringComparison.Ordinal)
            && name.Length > suffix.Length ? name.Substring(0, name.Length - suffix.Length) : name;

    private static AttributeData? FindAttribute(ISymbol symbol, string name)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == name)
            {
                return attribute;
            }
        }
        return null;
    }

    private static bool HasAttribute(ISymbol symbol, string name) => FindAttribute(symbol, name) != null;

    private static string? StringArgument(AttributeData? attribute)
    {
        if (attribute == null)
        {
            return null;
        }
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Primitive && argument.Value is string text)
            {
                return text;
            }
        }
        return NamedString(attribute, "Template");
    }

    private static string? NamedString(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is string text)
            {
                return text;
            }
        }
        return null;
    }
}
