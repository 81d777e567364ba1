using Catalog.Api;

var builder = WebApplication.CreateBuilder(args);

// Declared in compose.yaml (ConnectionStrings__Catalog, Search__Endpoint) and appsettings.json.
var connectionString = builder.Configuration.GetConnectionString("Catalog")
    ?? throw new InvalidOperationException("ConnectionStrings:Catalog is required");
var searchEndpoint = builder.Configuration["Search:Endpoint"];
var pageSize = builder.Configuration.GetValue<int>("Catalog:PageSize");
var catalog = builder.Configuration.GetSection(CatalogSettings.Section);
var currency = catalog["Currency"];
// Declared only by the Kubernetes deployment (deploy/catalog-api.yaml: its ConfigMap and its env).
var searchTimeout = builder.Configuration.GetValue<int>("Search:TimeoutSeconds");
var cluster = Environment.GetEnvironmentVariable("CATALOG_CLUSTER");

// Optional settings: a fallback or a null check means nothing has to declare them.
var banner = builder.Configuration["Features:Banner"] ?? "Welcome";
var region = builder.Configuration["Deployment:Region"];
if (string.IsNullOrEmpty(region))
{
    region = "local";
}

builder.Services.AddCatalog(builder.Configuration);
builder.Services.AddControllers();
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapGet("/products", () => Results.Ok(new { connectionString.Length, searchEndpoint, pageSize, currency, banner, region, searchTimeout, cluster }));
app.MapControllers();
app.MapHealthChecks("/health");
app.Run();
