namespace Catalog.Api;

public static class CatalogSettings
{
    public const string Section = "Catalog";
}
