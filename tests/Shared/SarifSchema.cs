using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Preflight.Tests;

/// <summary>
/// Validates a SARIF log against tests/Shared/sarif-2.1.0-subset.schema.json: our own transcription of the SARIF 2.1.0
/// constraints on what Roslyn's ErrorLog and Preflight write (the official schema is not in the repository). Compiled
/// into a test project that sets <c>&lt;UseSarifSchema&gt;true&lt;/UseSarifSchema&gt;</c> (tests/Directory.Build.props
/// then adds this file and NJsonSchema).
/// </summary>
internal static class SarifSchema
{
    /// <summary>tests/Shared/sarif-2.1.0-subset.schema.json in the repository.</summary>
    public static string SchemaPath { get; } = Path.Combine(TestPaths.RepositoryRoot, "tests", "Shared", "sarif-2.1.0-subset.schema.json");

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath)).GetAwaiter().GetResult());

    /// <summary>
    /// The schema's errors for <paramref name="sarifJson"/>, one line each as "path: kind" (for example
    /// <c>#/runs[0].results[0].level: NotInEnumeration</c>): the innermost errors, and the anyOf/oneOf that failed,
    /// without the wrappers NJsonSchema nests them in; empty when the log is valid. Text that is not JSON gives one
    /// error, it does not throw.
    /// </summary>
    public static IReadOnlyList<string> Validate(string sarifJson)
    {
        ICollection<ValidationError> errors;
        try
        {
            errors = Schema.Value.Validate(sarifJson);
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            return new[] { "#: not JSON: " + ex.Message };
        }
        return Flatten(errors).Distinct().ToList();
    }

    private static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            var nested = error switch
            {
                ChildSchemaValidationError child => child.Errors.Values.SelectMany(e => e).ToList(),
                MultiTypeValidationError multi => multi.Errors.Values.SelectMany(e => e).ToList(),
                _ => new List<ValidationError>(),
            };
            if (nested.Count == 0 || error.Kind is ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAllOf)
            {
                yield return $"{error.Path}: {error.Kind}";
            }
            foreach (var line in Flatten(nested))
            {
                yield return line;
            }
        }
    }
}
