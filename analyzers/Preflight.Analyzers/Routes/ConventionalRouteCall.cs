using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Preflight.Analyzers.Routes;

/// <summary>
/// Reads the pattern and defaults of <c>MapDefaultControllerRoute()</c> and <c>MapControllerRoute(name, pattern,
/// defaults)</c>.
/// Defaults must be an anonymous object of constants (<c>new { controller = "Home", action = "Index" }</c>);
/// constraints
/// are ignored (they only narrow the routes, so more paths count as mapped, never fewer).
/// </summary>
internal static class ConventionalRouteCall
{
    private static readonly IReadOnlyDictionary<string, string> NoDefaults = new Dictionary<string, string>();

    public static (string Pattern, IReadOnlyDictionary<string, string> Defaults)? Read(
        IInvocationOperation invocation, IMethodSymbol method, string name)
    {
        if (name == "MapDefaultControllerRoute")
        {
            return (ConventionalRoutes.DefaultPattern, NoDefaults);
        }
        string? pattern = null;
        IReadOnlyDictionary<string, string>? defaults = NoDefaults;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter == null)
            {
                continue;
            }
            switch (argument.Parameter.Name)
            {
                case "pattern":
                    pattern = argument.Value.ConstantValue.Value as string;
                    break;
                case "defaults":
                    defaults = Defaults(argument.Value);
                    break;
            }
        }
        return pattern == null || defaults == null ? null : (pattern, defaults);
    }

    private static IReadOnlyDictionary<string, string>? Defaults(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }
        if (value.ConstantValue is { HasValue: true, Value: null })
        {
            return NoDefaults;
        }
        if (value is not IAnonymousObjectCreationOperation creation)
        {
            return null;
        }
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var initializer in creation.Initializers)
        {
            if (initializer
                is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                return null;
            }
            var constant = assignment.Value;
            while (constant is IConversionOperation inner)
            {
                constant = inner.Operand;
            }
            if (constant.ConstantValue is { HasValue: true, Value: { } known })
            {
                defaults[property.Property.Name.ToLowerInvariant()] = Convert.ToString(
                    known, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }
            else if (constant.ConstantValue is { HasValue: true, Value: null } || IsOptionalMarker(constant))
            {
                defaults[property.Property.Name.ToLowerInvariant()] = "";
            }
            else
            {
                return null;
            }
        }
        return defaults;
    }

    /// <summary><c>id = RouteParameter.Optional</c>/<c>UrlParameter.Optional</c>: the parameter may be left
    /// out.</summary>
    private static bool IsOptionalMarker(IOperation value) =>
        value is IFieldReferenceOperation { Field.Name: "Optional" }
            || value is IPropertyReferenceOperation { Property.Name: "Optional" };
}
