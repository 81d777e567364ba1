using System.Linq;
using Preflight.Artifacts.Kubernetes;
using Xunit;

namespace Preflight.Artifacts.Tests.Kubernetes;

public class KubernetesOperatorDefinitionTests
{
    [Fact]
    public void Operator_resources_define_the_secrets_their_operators_write()
    {
        var file = KubernetesParser.Parse("""
            apiVersion: secrets-store.csi.x-k8s.io/v1
            kind: SecretProviderClass
            metadata: {name: azure-kv, namespace: shop}
            spec:
              provider: azure
              secretObjects:
                - secretName: kv-synced
                  type: Opaque
                  data:
                    - objectName: dbpassword
                      key: password
            ---
            apiVersion: secrets.hashicorp.com/v1beta1
            kind: VaultStaticSecret
            metadata: {name: vss}
            spec:
              destination: {name: vault-made, create: true}
            ---
            apiVersion: onepassword.com/v1
            kind: OnePasswordItem
            metadata: {name: op-item}
            spec: {itemPath: "vaults/x/items/y"}
            ---
            apiVersion: example.com/v1
            kind: VaultStaticSecret
            metadata: {name: not-vault}
            spec:
              destination: {name: nope}
            """);

        var definitions = file.Definitions.ToList();
        Assert.Equal(new[] { "kv-synced", "vault-made", "op-item" }, definitions.Select(d => d.Name));
        Assert.All(definitions, d => Assert.Equal((KubernetesReferenceKind.Secret, KubernetesDefinitionSource.Operator), (d.Kind, d.Source)));
        Assert.Equal(("shop", true, "password", 11), (definitions[0].Namespace, definitions[0].KeysAreComplete, definitions[0].Keys.Single().Key, definitions[0].Keys.Single().KeySpan.Line));
        Assert.False(definitions[1].KeysAreComplete);
        Assert.False(definitions[2].KeysAreComplete);
        Assert.Equal((17, 23), (definitions[1].NameSpan.Line, definitions[1].NameSpan.Column));
    }
}
