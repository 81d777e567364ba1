using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Preflight.Artifacts.Tests.Robustness;

/// <summary>
/// Reads every public property of a parsed model, a few levels deep and a bounded number of items per list, so that
/// lazily computed members run too (an exception there escapes to a check as surely as one from Parse). Collects the
/// texts of the model so that a parser's "could not be read (SomeException)" catch-all cannot hide a bug.
/// </summary>
internal static class ModelWalker
{
    private const int MaxDepth = 4;
    private const int MaxItems = 200;

    /// <summary>Exceptions that only a bug throws; a model whose error text names one hides that bug.</summary>
    private static readonly string[] BugExceptions =
    {
        nameof(NullReferenceException), nameof(IndexOutOfRangeException), nameof(ArgumentOutOfRangeException), nameof(InvalidCastException),
        nameof(KeyNotFoundException), nameof(DivideByZeroException), nameof(OverflowException), nameof(FormatException),
        nameof(ArgumentNullException), nameof(InsufficientExecutionStackException), nameof(StackOverflowException),
    };

    /// <summary>Walks the model; returns the first text of it that names a swallowed bug exception, or null.</summary>
    public static string? Walk(object? model)
    {
        var texts = new List<string>();
        Visit(model, 0, new HashSet<object>(ReferenceEqualityComparer.Instance), texts);
        foreach (var text in texts)
        {
            foreach (var name in BugExceptions)
            {
                if (text.Contains(name, StringComparison.Ordinal))
                {
                    return text;
                }
            }
        }
        return null;
    }

    private static void Visit(object? value, int depth, HashSet<object> seen, List<string> texts)
    {
        if (value == null || depth > MaxDepth)
        {
            return;
        }
        if (value is string text)
        {
            texts.Add(text);
            return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is decimal || value is Delegate || value is Type ||
            // YamlDotNet nodes are shared by aliases (an alias bomb would expand here) and are not Preflight's code.
            type.Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true ||
            type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !(value is IEnumerable) && !type.IsGenericType)
        {
            return;
        }
        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }
        if (value is ITuple tuple)
        {
            for (var i = 0; i < tuple.Length; i++)
            {
                Visit(tuple[i], depth, seen, texts);
            }
            return;
        }
        if (value is IDictionary dictionary)
        {
            var count = 0;
            foreach (DictionaryEntry entry in dictionary)
            {
                if (count++ >= MaxItems)
                {
                    break;
                }
                Visit(entry.Key, depth + 1, seen, texts);
                Visit(entry.Value, depth + 1, seen, texts);
            }
            return;
        }
        if (value is IEnumerable items)
        {
            var count = 0;
            foreach (var item in items)
            {
                if (count++ >= MaxItems)
                {
                    break;
                }
                Visit(item, depth + 1, seen, texts);
            }
            if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            {
                return;
            }
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod == null || property.IsDefined(typeof(CompilerGeneratedAttribute)))
            {
                continue;
            }
            object? child;
            try
            {
                child = property.GetValue(value);
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                throw new InvalidOperationException($"{type.Name}.{property.Name} threw {ex.InnerException.GetType().Name}: {ex.InnerException.Message}", ex.InnerException);
            }
            Visit(child, depth + 1, seen, texts);
        }
    }
}
