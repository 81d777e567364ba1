using Catalog.Api.Products;

namespace Catalog.Api;

/// <summary>The catalog's services, registered through one extension method, as most services do.</summary>
public static class CatalogServiceCollectionExtensions
{
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CatalogOptions>(configuration.GetSection(CatalogSettings.Section));
        services.AddSingleton<IProductRepository, InMemoryProductRepository>();
        services.AddHttpClient<SearchClient>();
        return services;
    }
}
