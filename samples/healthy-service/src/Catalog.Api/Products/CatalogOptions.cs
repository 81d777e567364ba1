namespace Catalog.Api.Products;

public sealed class CatalogOptions
{
    public int PageSize { get; set; } = 20;
    public string Currency { get; set; } = "EUR";
}
