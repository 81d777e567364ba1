using System.Linq;
using Preflight.Build.Tests.Infrastructure;
using Preflight.Tests;
using Xunit;

namespace Preflight.Build.Tests.Checks;

public class SecretsInventoryTests
{
    private const string Project = "<Project><ItemGroup><PackageReference Include=\"Preflight\" /></ItemGroup></Project>";

    private static TempRepository Repository() => new TempRepository()
        .Write("src/Api/Api.csproj", Project)
        .Write("preflight.yaml", "secrets:\n  - PULUMI_ACCESS_TOKEN\n  - name: OpenAI__ApiKey\n    environments: [production]\nvariables: [ASPNETCORE_ENVIRONMENT]\n" +
            "external:\n  kubernetes:\n    secrets: [registry]\n")
        .Write(".github/workflows/deploy.yml",
            "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pulumi up\n        env:\n" +
            "          PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}\n          KEY: ${{ secrets.LAMBDA_LABS_API_KEY }}\n          GH: ${{ secrets.GITHUB_TOKEN }}\n")
        .Write("docker-compose.yml",
            "services:\n  api:\n    environment:\n      OpenAI__ApiKey: ${OPENAI__APIKEY}\n      LOG_LEVEL: ${LOG_LEVEL:-info}\n" +
            "  db:\n    environment:\n      - POSTGRES_PASSWORD\n      - PRICE=$$5\n")
        .Write("k8s/api.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      imagePullSecrets:\n        - name: registry\n" +
            "      containers:\n        - name: api\n          image: api:1\n          env:\n            - name: Db__Password\n              valueFrom:\n" +
            "                secretKeyRef:\n                  name: db-credentials\n                  key: password\n");

    [Fact]
    public void A_compose_base_loaded_again_with_its_overlay_lists_each_place_once()
    {
        using var repo = Repository().Write("docker-compose.prod.yml", "services:\n  api:\n    environment:\n      MODE: ${DEPLOY_MODE}\n");
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());

        var items = SecretsInventory.Collect(context).Items.ToDictionary(i => i.Name);

        Assert.Equal("docker-compose.yml:4:23 (compose ${OPENAI__APIKEY})", Assert.Single(items["OpenAI__ApiKey"].UsedAt).ToString());
        Assert.Contains("from the shell or .env", Assert.Single(items["POSTGRES_PASSWORD"].UsedAt).What);
        Assert.Equal("docker-compose.prod.yml:4:13 (compose ${DEPLOY_MODE})", Assert.Single(items["DEPLOY_MODE"].UsedAt).ToString());
    }

    [Fact]
    public void Lists_each_secret_and_variable_with_where_it_is_used_and_declared()
    {
        using var repo = Repository();
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());

        var items = SecretsInventory.Collect(context).Items.ToDictionary(i => i.Name);

        Assert.Equal(new[] { "LAMBDA_LABS_API_KEY", "OpenAI__ApiKey", "PULUMI_ACCESS_TOKEN" },
            items.Values.Where(i => i.Kind == SecretsInventory.Secret).Select(i => i.Name).OrderBy(n => n));
        Assert.DoesNotContain("GITHUB_TOKEN", items.Keys);

        var pulumi = items["PULUMI_ACCESS_TOKEN"];
        Assert.Equal(".github/workflows/deploy.yml:8:36 (workflow secrets.PULUMI_ACCESS_TOKEN in job 'deploy')", Assert.Single(pulumi.UsedAt).ToString());
        Assert.Equal("preflight.yaml:2:5 (preflight.yaml secrets:)", Assert.Single(pulumi.DeclaredAt).ToString());

        Assert.Empty(items["LAMBDA_LABS_API_KEY"].DeclaredAt);

        // Compose ${OPENAI__APIKEY} and the preflight.yaml secret OpenAI__ApiKey are one name (case-insensitive).
        var openAi = items["OpenAI__ApiKey"];
        Assert.Equal("docker-compose.yml:4:23 (compose ${OPENAI__APIKEY})", Assert.Single(openAi.UsedAt).ToString());
        Assert.Contains("(environments: production)", Assert.Single(openAi.DeclaredAt).What);

        Assert.Equal(SecretsInventory.Variable, items["LOG_LEVEL"].Kind);
        Assert.EndsWith("compose ${LOG_LEVEL}, has a default", Assert.Single(items["LOG_LEVEL"].UsedAt).What);
        Assert.Contains("from the shell or .env", Assert.Single(items["POSTGRES_PASSWORD"].UsedAt).What);
        Assert.DoesNotContain("5", items.Keys);

        var db = items["db-credentials"];
        Assert.Equal(SecretsInventory.KubernetesSecret, db.Kind);
        Assert.Equal("k8s/api.yaml:17:25 (secretKeyRef key 'password' for env Db__Password of Deployment 'api' container 'api')", Assert.Single(db.UsedAt).ToString());
        Assert.Empty(db.DeclaredAt);
        Assert.Single(items["registry"].DeclaredAt);
    }

    [Fact]
    public void Markdown_and_json_hold_names_and_places_but_no_values()
    {
        var token = FakeSecrets.GitHubToken();
        using var repo = Repository().Write("docker-compose.override.yml", "services:\n  api:\n    environment:\n      GH: " + token + "\n      X: ${X_TOKEN}\n");
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        var inventory = SecretsInventory.Collect(context);

        var markdown = inventory.ToMarkdown("shop");
        var json = inventory.ToJson();

        Assert.Contains("| LAMBDA_LABS_API_KEY | secret | .github/workflows/deploy.yml:9:20 (workflow secrets.LAMBDA_LABS_API_KEY in job 'deploy') | **not declared** |", markdown);
        Assert.Contains("{\"name\": \"PULUMI_ACCESS_TOKEN\", \"kind\": \"secret\", \"declared\": true, \"usedAt\": [{\"file\": \".github/workflows/deploy.yml\", \"line\": 8, \"column\": 36,", json);
        Assert.Contains("\"name\": \"X_TOKEN\"", json);
        Assert.DoesNotContain(token, markdown);
        Assert.DoesNotContain(token, json);
        Assert.DoesNotContain("info", json);
    }

    [Fact]
    public void Keys_of_env_example_files_are_declarations_and_their_values_are_not_read()
    {
        using var repo = Repository()
            .Write(".env.example", "# copy to .env\nexport LOG_LEVEL=debug\nPOSTGRES_PASSWORD = not-a-name-value\n\n=nothing\n1BAD=x\n")
            .Write(".env", "X_TOKEN=local\n");
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());

        var items = SecretsInventory.Collect(context).Items.ToDictionary(i => i.Name);

        Assert.Equal(".env.example:2:8 (example file .env.example (the value is provided at deploy time))", Assert.Single(items["LOG_LEVEL"].DeclaredAt).ToString());
        Assert.Equal(3, Assert.Single(items["POSTGRES_PASSWORD"].DeclaredAt).Line);
        Assert.DoesNotContain("1BAD", items.Keys);
        Assert.DoesNotContain("X_TOKEN", items.Keys);
        Assert.DoesNotContain("not-a-name-value", SecretsInventory.Collect(context).ToJson());
    }

    [Fact]
    public void An_empty_repository_has_an_empty_inventory()
    {
        using var repo = new TempRepository().Write("src/Api/Api.csproj", Project);
        var context = new CheckContext(repo.Root, repo.Path("src/Api/Api.csproj"), repo.Artifacts());
        var inventory = SecretsInventory.Collect(context);

        Assert.Empty(inventory.Items);
        Assert.Contains("Nothing found", inventory.ToMarkdown("x"));
        Assert.Equal("{\n  \"items\": []\n}\n", inventory.ToJson());
    }
}
