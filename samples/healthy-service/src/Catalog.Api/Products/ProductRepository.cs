namespace Catalog.Api.Products;

public sealed record Product(int Id, string Name, decimal Price);

public interface IProductRepository
{
    IReadOnlyList<Product> List(int take);
}

public sealed class InMemoryProductRepository : IProductRepository
{
    private static readonly Product[] Items = { new(1, "Kettle", 39.90m), new(2, "Teapot", 24.50m) };

    public IReadOnlyList<Product> List(int take) => Items.Take(take).ToList();
}
