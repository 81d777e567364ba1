using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Preflight.Artifacts.Text;

namespace Preflight.Analyzers.Infrastructure;

internal static class Locations
{
    /// <summary>A location in an AdditionalFile, from an artifact span.</summary>
    public static Location InFile(string path, SourceSpan span) =>
        Location.Create(
            path,
            new TextSpan(span.Start, span.Length),
            new LinePositionSpan(
                new LinePosition(span.Line - 1, span.Column - 1),
                new LinePosition(span.EndLine - 1, span.EndColumn - 1)));
}
