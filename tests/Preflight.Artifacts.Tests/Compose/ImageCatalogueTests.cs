using System.Collections.Generic;
using System.Linq;
using Preflight.Artifacts.Compose;
using Xunit;

namespace Preflight.Artifacts.Tests.Compose;

public class ImageCatalogueTests
{
    [Theory]
    [InlineData("postgres", "postgres")]
    [InlineData("postgres:16-alpine", "postgres")]
    [InlineData("registry.example.com:5000/library/postgres:16@sha256:abc", "postgres")]
    [InlineData("library/postgres", "postgres")]
    [InlineData("mcr.microsoft.com/mssql/server:2022-latest", "mssql/server")]
    [InlineData("localhost:5000/team/app:1", "team/app")]
    [InlineData("quay.io/keycloak/keycloak:26.0", "keycloak/keycloak")]
    [InlineData("bitnami/postgresql", "bitnami/postgresql")]
    public void Repository_ignores_registry_tag_and_digest(string image, string repository)
    {
        Assert.Equal(repository, ImageCatalogue.RepositoryOf(image));
    }

    [Theory]
    [InlineData("postgres", 1)]
    [InlineData("mirror.example.com/library/postgres:15", 1)]
    [InlineData("postgresql", 0)]
    [InlineData("mcr.microsoft.com/mssql/server", 1)]
    [InlineData("mintplexlabs/anythingllm:master", 1)]
    [InlineData("nginx", 0)]
    public void Built_in_catalogue_is_loaded_from_the_embedded_resource(string image, int entries)
    {
        Assert.Equal(entries, ImageCatalogue.BuiltIn.Find(image).Count);
    }

    [Theory]
    [InlineData("x", "2.12", true)]
    [InlineData("x:latest", "2.12", true)]
    [InlineData("x:2.12", "2.12", true)]
    [InlineData("x:2.12.0-alpine", "2.12", true)]
    [InlineData("x:3", "2.12", true)]
    [InlineData("x:2.11.1", "2.12", false)]
    [InlineData("x:2", "2.12", false)]
    [InlineData("x:alpine", "2", false)]
    [InlineData("registry:5000/x", "2", true)]
    public void Version_condition(string image, string since, bool applies)
    {
        Assert.Equal(applies, ImageRequirementEvaluator.IsAtLeast(image, since));
    }

    [Fact]
    public void Evaluator_treats_unknown_values_as_set_and_checks_file_aliases()
    {
        var postgres = ImageCatalogue.BuiltIn.Find("postgres").Single();

        Assert.Empty(ImageRequirementEvaluator.Evaluate(postgres, new Dictionary<string, string?> { ["POSTGRES_PASSWORD"] = null }));
        Assert.Empty(ImageRequirementEvaluator.Evaluate(postgres, new Dictionary<string, string?> { ["POSTGRES_PASSWORD_FILE"] = "/run/secrets/pg" }));
        Assert.Empty(ImageRequirementEvaluator.Evaluate(postgres, new Dictionary<string, string?> { ["POSTGRES_HOST_AUTH_METHOD"] = "trust" }));
        Assert.Equal("POSTGRES_PASSWORD", Assert.Single(ImageRequirementEvaluator.Evaluate(postgres, new Dictionary<string, string?> { ["POSTGRES_PASSWORD"] = "" })).Variable);
    }

    [Fact]
    public void A_variable_not_set_at_all_is_unset_a_required_literal_or_refused_variable_is_not()
    {
        var postgres = ImageCatalogue.BuiltIn.Find("postgres").Single();
        var seq = ImageCatalogue.BuiltIn.Find("datalust/seq").Single();
        var rabbit = ImageCatalogue.BuiltIn.Find("rabbitmq:3-management").Single();

        var lacking = Assert.Single(ImageRequirementEvaluator.Evaluate(postgres, new Dictionary<string, string?>()));
        Assert.StartsWith("lacks ", lacking.Message);
        Assert.True(lacking.IsUnset);
        var eula = Assert.Single(ImageRequirementEvaluator.Evaluate(seq, new Dictionary<string, string?>()));
        Assert.Contains("(set to Y)", eula.Message);
        Assert.False(eula.IsUnset);
        Assert.False(Assert.Single(ImageRequirementEvaluator.Evaluate(rabbit, new Dictionary<string, string?> { ["RABBITMQ_SSL_CERTFILE"] = "/c" })).IsUnset);
    }

    [Fact]
    public void Rabbitmq_refuses_deprecated_variables_by_prefix()
    {
        var rabbit = ImageCatalogue.BuiltIn.Find("rabbitmq:3-management").Single();

        var violations = ImageRequirementEvaluator.Evaluate(rabbit, new Dictionary<string, string?> { ["RABBITMQ_SSL_CERTFILE"] = "/c", ["RABBITMQ_DEFAULT_USER"] = "u" });

        Assert.Equal("sets RABBITMQ_SSL_CERTFILE, which the image refuses", Assert.Single(violations).Message);
    }
}
