using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Preflight.Benchmarks;

/// <summary>
/// A generated web service of realistic shape: many files reading configuration (declared and not), options classes,
/// environment variables, with appsettings.json and a compose file as AdditionalFiles. References are the running
/// .NET and ASP.NET Core shared frameworks, so nothing is downloaded.
/// </summary>
public sealed class GeneratedService
{
    /// <param name="files">Number of C# files.</param>
    /// <param name="configurationEvery">One file in this many reads configuration (the others are ordinary service code).</param>
    public GeneratedService(int files, int configurationEvery = 20)
    {
        Trees = Enumerable.Range(0, files).Select(i => CSharpSyntaxTree.ParseText(i % configurationEvery == 0 ? Source(i) : PlainSource(i), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"/repo/src/Api/Feature{i}.cs")).ToImmutableArray();
        References = FrameworkReferences();
        var settings = new StringBuilder("{\n");
        for (var i = 0; i < files; i++)
        {
            settings.Append($"  \"Feature{i}\": {{ \"Endpoint\": \"http://f{i}\", \"Timeout\": {i} }},\n");
        }
        settings.Append("  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } }\n}\n");
        AdditionalFiles = ImmutableArray.Create<AdditionalText>(
            new InMemoryText("/repo/src/Api/appsettings.json", settings.ToString()),
            new InMemoryText("/repo/docker-compose.yml", "services:\n  api:\n    build: src/Api\n    environment:\n      Feature0__Key: x\n      STORAGE_DIR: /data\n"));
        Options = new InMemoryOptions(new Dictionary<string, string>
        {
            ["build_property.MSBuildProjectFullPath"] = "/repo/src/Api/Api.csproj",
            ["build_property.PreflightRepositoryRoot"] = "/repo/",
            ["build_property.OutputType"] = "Exe",
        });
    }

    public ImmutableArray<SyntaxTree> Trees { get; }
    public ImmutableArray<MetadataReference> References { get; }
    public ImmutableArray<AdditionalText> AdditionalFiles { get; }
    public AnalyzerConfigOptionsProvider Options { get; }

    public CSharpCompilation NewCompilation() =>
        CSharpCompilation.Create("Api", Trees, References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public AnalyzerOptions AnalyzerOptions => new AnalyzerOptions(AdditionalFiles, Options);

    /// <summary>A file reading configuration: keys Feature{i}:Endpoint, :Key, :Mode, :Timeout, options bound to Feature{i}, STORAGE_DIR.</summary>
    internal static string Source(int i) => $$"""
        using System;
        using System.ComponentModel.DataAnnotations;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        namespace Api.Features;

        public sealed class Feature{{i}}Options
        {
            [Required] public string Endpoint { get; set; } = "";
            public int Timeout { get; set; }
        }

        public sealed class Feature{{i}}Service
        {
            private readonly IConfiguration _configuration;
            public Feature{{i}}Service(IConfiguration configuration) => _configuration = configuration;

            public string? Endpoint => _configuration["Feature{{i}}:Endpoint"];
            public string? Key => _configuration["Feature{{i}}:Key"];
            public string Mode => _configuration["Feature{{i}}:Mode"] ?? "default";
            public int Timeout => _configuration.GetValue<int>("Feature{{i}}:Timeout");
            public string? Storage => Environment.GetEnvironmentVariable("STORAGE_DIR");

            public static void Register(IServiceCollection services, IConfiguration configuration)
            {
                services.AddOptions<Feature{{i}}Options>().BindConfiguration("Feature{{i}}");
                services.AddSingleton<Feature{{i}}Service>();
            }

            public int Compute(int x)
            {
                var total = 0;
                for (var j = 0; j < x; j++) { total += j * {{i}} % 7; }
                return total;
            }
        }
        """;

    /// <summary>Ordinary service code: a record and a handler with a logger.</summary>
    internal static string PlainSource(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.Extensions.Logging;

        namespace Api.Domain;

        public sealed record Item{{i}}(int Id, string Name, decimal Price);

        public sealed class Item{{i}}Handler
        {
            private readonly ILogger<Item{{i}}Handler> _logger;
            private readonly Dictionary<int, Item{{i}}> _items = new();

            public Item{{i}}Handler(ILogger<Item{{i}}Handler> logger) => _logger = logger;

            public Item{{i}} Add(string name, decimal price)
            {
                var item = new Item{{i}}(_items.Count + 1, name, price);
                _items[item.Id] = item;
                _logger.LogInformation("Added {Name}", name);
                return item;
            }

            public IReadOnlyList<Item{{i}}> Cheapest(int count) => _items.Values.OrderBy(x => x.Price).Take(count).ToList();

            public decimal Total() => _items.Values.Sum(x => x.Price) * {{i % 10 + 1}};
        }
        """;

    internal static ImmutableArray<MetadataReference> FrameworkReferences()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var shared = Path.GetDirectoryName(runtime)!;
        var aspnet = Directory.GetDirectories(Path.Combine(Path.GetDirectoryName(shared)!, "Microsoft.AspNetCore.App"))
            .OrderBy(d => d, System.StringComparer.Ordinal).Last();
        return Directory.GetFiles(runtime, "*.dll").Concat(Directory.GetFiles(aspnet, "*.dll"))
            .Where(IsManaged)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (System.BadImageFormatException)
        {
            return false;
        }
    }

    internal sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText _text;
        public InMemoryText(string path, string text) { Path = path; _text = SourceText.From(text); }
        public override string Path { get; }
        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    internal sealed class InMemoryOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Global _global;
        public InMemoryOptions(Dictionary<string, string> values) => _global = new Global(values);
        public override AnalyzerConfigOptions GlobalOptions => _global;
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Global.Empty;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Global.Empty;

        private sealed class Global : AnalyzerConfigOptions
        {
            public static readonly Global Empty = new(new Dictionary<string, string>());
            private readonly Dictionary<string, string> _values;
            public Global(Dictionary<string, string> values) => _values = values;
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
