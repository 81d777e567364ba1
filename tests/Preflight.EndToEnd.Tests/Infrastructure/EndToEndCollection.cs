using Xunit;

namespace Preflight.EndToEnd.Tests.Infrastructure;

/// <summary>All end-to-end tests share one packed package and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackedPreflight>
{
    public const string Name = "end-to-end";
}
