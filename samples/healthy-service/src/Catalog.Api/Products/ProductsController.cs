using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Products;

[ApiController]
[Route("api/[controller]")]
public sealed class ProductsController(IProductRepository repository, SearchClient search, IOptions<CatalogOptions> options) : ControllerBase
{
    [HttpGet]
    public IReadOnlyList<Product> List() => repository.List(options.Value.PageSize);

    [HttpGet("suggest")]
    public Task<string> Suggest(string term, CancellationToken cancellationToken) => search.Suggest(term, cancellationToken);
}
