using System.Linq;
using System.IO;

namespace Preflight.EndToEnd.Tests.Infrastructure;

internal static class Workspace
{
    public static void Write(string directory, string relative, string text)
    {
        var path = Path.Combine(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public static void CopyDirectory(string source, string destination)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, directory);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "artifacts"))
            {
                continue;
            }
            Directory.CreateDirectory(Path.Combine(destination, relative));
        }
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "artifacts"))
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(destination, relative))!);
            File.Copy(file, Path.Combine(destination, relative));
        }
    }

    /// <summary>Adds the PackageReference a user adds, and nothing else.</summary>
    public static void AddPreflightReference(string projectFile, string version)
    {
        var text = File.ReadAllText(projectFile);
        var reference = $"""
              <ItemGroup>
                <PackageReference Include="Preflight" Version="{version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """;
        File.WriteAllText(projectFile, text.Replace("</Project>", reference));
    }
}
