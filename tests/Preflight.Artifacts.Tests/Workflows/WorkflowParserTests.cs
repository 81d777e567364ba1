using System.Linq;
using Preflight.Artifacts.Workflows;
using Xunit;

namespace Preflight.Artifacts.Tests.Workflows;

public class WorkflowParserTests
{
    private static string At(string text, Preflight.Artifacts.Text.SourceSpan span) => text.Substring(span.Start, span.Length);

    [Fact]
    public void Finds_references_in_env_with_and_run_scripts_with_exact_spans()
    {
        const string text = """
            name: deploy
            on: push
            env:
              REGION: ${{ secrets.AWS_REGION }}
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: pulumi/actions@v5
                    with:
                      token: ${{ secrets.PULUMI_ACCESS_TOKEN }}
                  - name: push
                    run: |
                      echo "${{ secrets.LAMBDA_LABS_API_KEY }}" | login
                      curl -H "Authorization: ${{ format('Bearer {0}', secrets['REGISTRY_TOKEN']) }}" https://x
                    env:
                      GH: "${{ secrets.GITHUB_TOKEN || secrets.FALLBACK }}"
            """;
        var file = WorkflowParser.Parse(text);

        Assert.Empty(file.Errors);
        Assert.Equal(new[] { "AWS_REGION", "PULUMI_ACCESS_TOKEN", "LAMBDA_LABS_API_KEY", "REGISTRY_TOKEN", "GITHUB_TOKEN", "FALLBACK" },
            file.SecretReferences.Select(r => r.Name));
        Assert.Equal(new[] { "secrets.AWS_REGION", "secrets.PULUMI_ACCESS_TOKEN", "secrets.LAMBDA_LABS_API_KEY", "secrets['REGISTRY_TOKEN']", "secrets.GITHUB_TOKEN", "secrets.FALLBACK" },
            file.SecretReferences.Select(r => At(text, r.Span)));
        var lambda = file.SecretReferences[2];
        Assert.Equal((14, 21), (lambda.Span.Line, lambda.Span.Column));
        Assert.Equal(new[] { null, "deploy", "deploy", "deploy", "deploy", "deploy" }, file.SecretReferences.Select(r => r.JobId));
    }

    [Fact]
    public void Github_token_is_built_in()
    {
        var file = WorkflowParser.Parse("on: push\njobs:\n  a:\n    steps:\n      - run: echo ${{ secrets.GITHUB_TOKEN }} ${{ secrets.github_token }} ${{ secrets.NPM_TOKEN }}\n");

        Assert.Equal(new[] { true, true, false }, file.SecretReferences.Select(r => r.IsBuiltIn));
    }

    [Fact]
    public void Ignores_comments_keys_string_literals_and_other_contexts()
    {
        const string text = """
            on: push
            # token: ${{ secrets.COMMENTED_OUT }}
            jobs:
              a:
                steps:
                  - run: echo secrets.NOT_AN_EXPRESSION ${{ 'secrets.IN_A_STRING' }} # ${{ secrets.IN_PLAIN_COMMENT }}
                  - run: echo ${{ inputs.secrets.NOT_SECRETS_CONTEXT }} ${{ github.event.mysecrets.X }}
                  #- run: echo ${{ secrets.OLD_STEP }}
            """;
        var file = WorkflowParser.Parse(text);

        Assert.Empty(file.SecretReferences);
        Assert.Empty(file.DynamicSecretReferences);
    }

    [Fact]
    public void Reads_conditions_without_expression_braces()
    {
        var file = WorkflowParser.Parse("on: push\njobs:\n  a:\n    if: ${{ secrets.DEPLOY_KEY != '' }}\n    steps:\n      - if: secrets.SLACK_WEBHOOK != ''\n        run: echo\n");

        Assert.Equal(new[] { "DEPLOY_KEY", "SLACK_WEBHOOK" }, file.SecretReferences.Select(r => r.Name));
    }

    [Fact]
    public void Expressions_may_span_lines_and_quoting_styles()
    {
        const string text = "on: push\njobs:\n  a:\n    steps:\n      - run: 'echo ${{ secrets[''SINGLE_QUOTED''] }}'\n      - run: >-\n          echo ${{\n          secrets.FOLDED }}\n      - run: \"${{ SECRETS.UPPER }}\"\n";
        var file = WorkflowParser.Parse(text);

        Assert.Equal(new[] { "SINGLE_QUOTED", "FOLDED", "UPPER" }, file.SecretReferences.Select(r => r.Name));
        Assert.Equal("secrets[''SINGLE_QUOTED'']", At(text, file.SecretReferences[0].Span));
        Assert.Equal(8, file.SecretReferences[1].Span.Line);
    }

    [Fact]
    public void Computed_names_are_dynamic_references()
    {
        var file = WorkflowParser.Parse("on: push\njobs:\n  a:\n    steps:\n      - run: echo ${{ secrets[matrix.key] }} ${{ toJSON(secrets) }}\n");

        Assert.Empty(file.SecretReferences);
        Assert.Equal(2, file.DynamicSecretReferences.Count);
        Assert.All(file.DynamicSecretReferences, span => Assert.Equal(7, span.Length));
    }

    [Fact]
    public void Reads_workflow_call_secrets()
    {
        var file = WorkflowParser.Parse("""
            on:
              workflow_call:
                secrets:
                  PULUMI_ACCESS_TOKEN:
                    required: true
                    description: Pulumi
                  OPTIONAL_ONE:
              push:
            jobs:
              a:
                steps:
                  - run: echo ${{ secrets.PULUMI_ACCESS_TOKEN }} ${{ secrets.OTHER }}
            """);

        Assert.True(file.IsReusable);
        Assert.Equal(new[] { ("PULUMI_ACCESS_TOKEN", true, "Pulumi"), ("OPTIONAL_ONE", false, (string?)null) },
            file.DeclaredSecrets.Select(d => (d.Name, d.Required, d.Description)));
        Assert.Equal((4, 7), (file.DeclaredSecrets[0].Span.Line, file.DeclaredSecrets[0].Span.Column));
        Assert.Equal(new[] { true, false }, file.SecretReferences.Select(r => r.IsDeclaredByWorkflowCall));
    }

    [Theory]
    [InlineData("on: workflow_call\n", true)]
    [InlineData("on: [push, workflow_call]\n", true)]
    [InlineData("on: [push]\n", false)]
    [InlineData("on:\n  workflow_call:\n", true)]
    public void Tells_reusable_workflows(string text, bool reusable)
    {
        Assert.Equal(reusable, WorkflowParser.Parse(text).IsReusable);
    }

    [Fact]
    public void Reads_calls_of_reusable_workflows()
    {
        var file = WorkflowParser.Parse("""
            on: push
            jobs:
              build:
                uses: ./.github/workflows/build.yml
                secrets: inherit
              deploy:
                uses: org/infra/.github/workflows/deploy.yml@v1
                secrets:
                  PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_TOKEN }}
              test:
                runs-on: ubuntu-latest
                steps: [{run: make}]
            """);

        Assert.Equal(2, file.ReusableWorkflowCalls.Count);
        var build = file.ReusableWorkflowCalls[0];
        Assert.Equal(("build", true, true, ".github/workflows/build.yml"), (build.JobId, build.InheritsSecrets, build.IsLocal, build.LocalPath));
        Assert.Empty(build.PassedSecrets);
        Assert.Equal(5, build.SecretsSpan.Line);
        var deploy = file.ReusableWorkflowCalls[1];
        Assert.Equal(("deploy", false, false, (string?)null), (deploy.JobId, deploy.InheritsSecrets, deploy.IsLocal, deploy.LocalPath));
        Assert.Equal("PULUMI_ACCESS_TOKEN", deploy.PassedSecrets.Single().Name);
        Assert.Equal(("PULUMI_TOKEN", "deploy"), (file.SecretReferences.Single().Name, file.SecretReferences.Single().JobId));
    }

    [Fact]
    public void Aliased_values_are_read_once()
    {
        var file = WorkflowParser.Parse("on: push\nx: &token ${{ secrets.SHARED }}\njobs:\n  a:\n    env: {A: *token, B: *token}\n");

        Assert.Single(file.SecretReferences);
    }

    [Theory]
    [InlineData("on: push\njobs: [\n")]
    [InlineData("on: push\n  jobs: x\n")]
    [InlineData("- just\n- a list\n")]
    public void Malformed_workflows_give_positioned_errors(string text)
    {
        var file = WorkflowParser.Parse(text);

        Assert.NotEmpty(file.Errors);
        Assert.True(file.Errors[0].Span.Line >= 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing yet\n")]
    public void Empty_workflow_has_nothing_and_no_error(string text)
    {
        var file = WorkflowParser.Parse(text);

        Assert.Empty(file.Errors);
        Assert.Empty(file.SecretReferences);
    }

    [Fact]
    public void Unclosed_expression_is_read_to_the_end_of_its_value()
    {
        var file = WorkflowParser.Parse("on: push\njobs:\n  a:\n    steps:\n      - run: echo ${{ secrets.HALF\n      - run: echo }}\n");

        Assert.Equal("HALF", file.SecretReferences.Single().Name);
    }
}
