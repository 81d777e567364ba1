namespace Catalog.Api.Products;

/// <summary>A typed HTTP client: the container builds it with a configured HttpClient.</summary>
public sealed class SearchClient(HttpClient http)
{
    public Task<string> Suggest(string term, CancellationToken cancellationToken) =>
        http.GetStringAsync("suggest?q=" + Uri.EscapeDataString(term), cancellationToken);
}
