using System;

namespace Preflight.Artifacts.Secrets;

/// <summary>
/// Files that hold a private key by their name: SSH keys (<c>id_rsa</c>, <c>id_dsa</c>, <c>id_ecdsa</c>,
/// <c>id_ed25519</c>) and PEM files (<c>*.pem</c>, <c>*.key</c>). PF1004 reports the <c>-----BEGIN ... PRIVATE
/// KEY-----</c>
/// blocks in them (a certificate alone is public and not reported). The targets' globs and the CLI's scan find them.
/// </summary>
public static class PrivateKeyFiles
{
    /// <summary>The SSH key names, exactly (their <c>.pub</c> halves are public).</summary>
    public static readonly string[] SshKeyNames = { "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519" };

    /// <summary>The extensions of PEM files that may hold a private key.</summary>
    public static readonly string[] Extensions = { ".pem", ".key" };

    /// <summary>True when a file's name says it may hold a private key. Takes a file name or a path.</summary>
    public static bool IsCandidate(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }
        var name = PathText.GetFileName(path);
        return Array.IndexOf(SshKeyNames, name) >= 0 ||
            (name.Length > 4 && Array.Exists(Extensions, e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)));
    }
}
