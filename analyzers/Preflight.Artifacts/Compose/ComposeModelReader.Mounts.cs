using System;
using System.Collections.Generic;

namespace Preflight.Artifacts.Compose;

/// <summary>Ports and volumes: short and long syntax.</summary>
internal sealed partial class ComposeModelReader
{
    private static IReadOnlyList<ComposePort> ReadPorts(ComposeNode? node)
    {
        var ports = new List<ComposePort>();
        foreach (var item in Items(node))
        {
            if (item is ComposeScalar scalar && !scalar.IsNull)
            {
                ports.Add(ParseShortPort(scalar));
            }
            else if (item is ComposeMapping mapping && Text(mapping["target"]) is { } target)
            {
                var published = Text(mapping["published"]);
                ports.Add(new ComposePort(mapping, target)
                {
                    TargetSpan = mapping["target"]!.Span,
                    TargetRange = ParseRange(target),
                    Published = string.IsNullOrEmpty(published) ? null : published,
                    PublishedRange = ParseRange(published),
                    HostIp = Text(mapping["host_ip"]),
                    Protocol = Text(mapping["protocol"]) ?? "tcp",
                    Mode = Text(mapping["mode"]),
                    Name = Text(mapping["name"]),
                    AppProtocol = Text(mapping["app_protocol"]),
                    IsLongSyntax = true,
                });
            }
        }
        return ports;
    }

    /// <summary><c>[IP:][HOST:]CONTAINER[/PROTOCOL]</c>; an IPv6 address is written in brackets.</summary>
    private static ComposePort ParseShortPort(ComposeScalar scalar)
    {
        var text = scalar.Value.Trim();
        var protocol = "tcp";
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = text.Substring(slash + 1);
            text = text.Substring(0, slash);
        }
        string? hostIp = null;
        if (text.StartsWith("[", StringComparison.Ordinal) && text.IndexOf(']') is var close && close > 0)
        {
            hostIp = text.Substring(1, close - 1);
            text = close + 1 < text.Length
                && text[close + 1] == ':' ? text.Substring(close + 2) : text.Substring(close + 1);
        }
        var parts = text.Split(':');
        string target;
        string? published = null;
        if (parts.Length == 1)
        {
            target = parts[0];
        }
        else if (parts.Length == 2)
        {
            published = parts[0];
            target = parts[1];
        }
        else
        {
            hostIp ??= string.Join(":", parts, 0, parts.Length - 2);
            published = parts[parts.Length - 2];
            target = parts[parts.Length - 1];
        }
        if (string.IsNullOrEmpty(published))
        {
            published = null;
        }
        return new ComposePort(scalar, target)
        {
            TargetSpan = ContainerPartSpan(scalar, target),
            TargetRange = ParseRange(target),
            Published = published,
            PublishedRange = ParseRange(published),
            HostIp = string.IsNullOrEmpty(hostIp) ? null : hostIp,
            Protocol = protocol.Length == 0 ? "tcp" : protocol,
        };
    }

    /// <summary>Where the container part of a short mapping is written: after the last ':'; the whole scalar when not
    /// verbatim.</summary>
    private static Text.SourceSpan ContainerPartSpan(ComposeScalar scalar, string target)
    {
        var colon = scalar.Written.LastIndexOf(':');
        return scalar.FindWritten(target, colon < 0 ? 0 : colon) ?? scalar.Span;
    }

    private static IReadOnlyList<ComposeVolumeMount> ReadVolumes(ComposeNode? node)
    {
        var mounts = new List<ComposeVolumeMount>();
        foreach (var item in Items(node))
        {
            if (item is ComposeScalar scalar && !scalar.IsNull)
            {
                mounts.Add(ParseShortVolume(scalar));
            }
            else if (item is ComposeMapping mapping)
            {
                mounts.Add(ReadLongVolume(mapping));
            }
        }
        return mounts;
    }

    private static ComposeVolumeMount ReadLongVolume(ComposeMapping mapping)
    {
        var typeName = Text(mapping["type"]) ?? "volume";
        var type = typeName switch
        {
            "bind" => ComposeVolumeType.Bind,
            "volume" => ComposeVolumeType.Volume,
            "tmpfs" => ComposeVolumeType.Tmpfs,
            "npipe" => ComposeVolumeType.Npipe,
            "cluster" => ComposeVolumeType.Cluster,
            "image" => ComposeVolumeType.Image,
            _ => ComposeVolumeType.Other,
        };
        var mount = new ComposeVolumeMount(mapping, type)
        {
            TypeName = typeName,
            ReadOnly = Text(mapping["read_only"]) is { } readOnly
                && string.Equals(readOnly, "true", StringComparison.OrdinalIgnoreCase),
            IsLongSyntax = true,
        };
        if (mapping["source"] is ComposeScalar source && !source.IsNull)
        {
            mount.Source = source.Value;
            mount.SourceSpan = source.Span;
        }
        if (mapping["target"] is ComposeScalar target && !target.IsNull)
        {
            mount.Target = target.Value;
            mount.TargetSpan = target.Span;
        }
        if (mapping["bind"] is ComposeMapping bind && Text(bind["create_host_path"]) is { } create)
        {
            mount.CreateHostPath = string.Equals(create, "true", StringComparison.OrdinalIgnoreCase);
        }
        if (mapping["volume"] is ComposeMapping volume)
        {
            mount.Subpath = Text(volume["subpath"]);
        }
        return mount;
    }

    /// <summary><c>[SOURCE:]TARGET[:MODE]</c>; a source starting with <c>.</c>, <c>/</c>, <c>~</c> or a drive is a bind
    /// mount, else a named volume.</summary>
    private static ComposeVolumeMount ParseShortVolume(ComposeScalar scalar)
    {
        var text = scalar.Value;
        var parts = SplitVolume(text);
        if (parts.Count == 1)
        {
            return new ComposeVolumeMount(scalar, ComposeVolumeType.Volume)
            {
                Target = parts[0],
                TargetSpan = ComposeTreeInterpolator.MapSpan(
                    scalar, 0, Math.Min(parts[0].Length, scalar.RawValue.Length)),
            };
        }
        var source = parts[0];
        var isBind = IsFilePath(source);
        var mount = new ComposeVolumeMount(scalar, isBind ? ComposeVolumeType.Bind : ComposeVolumeType.Volume)
        {
            TypeName = isBind ? "bind" : "volume",
            Source = source,
            SourceSpan = SubSpan(scalar, 0, source),
            Target = parts[1],
            TargetSpan = SubSpan(scalar, source.Length + 1, parts[1]),
        };
        if (parts.Count > 2)
        {
            mount.Mode = parts[2];
            foreach (var option in parts[2].Split(','))
            {
                if (option == "ro")
                {
                    mount.ReadOnly = true;
                }
            }
        }
        return mount;
    }

    /// <summary>The span of a part of a scalar's value when the value is as written (not interpolated), else the
    /// scalar.</summary>
    private static Text.SourceSpan SubSpan(ComposeScalar scalar, int start, string part) =>
        string.Equals(scalar.Value, scalar.RawValue, StringComparison.Ordinal)
            && start + part.Length <= scalar.RawValue.Length
            ? ComposeTreeInterpolator.MapSpan(scalar, start, part.Length)
            : scalar.Span;

    private static List<string> SplitVolume(string text)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != ':')
            {
                continue;
            }
            // A Windows drive letter (C:\ or C:/) at the start of a part is not a separator.
            if (i - start == 1 && char.IsLetter(text[start]) && i + 1 < text.Length
                && (text[i + 1] == '\\' || text[i + 1] == '/'))
            {
                continue;
            }
            parts.Add(text.Substring(start, i - start));
            start = i + 1;
        }
        parts.Add(text.Substring(start));
        return parts;
    }

    internal static bool IsFilePath(string source)
    {
        if (source.Length == 0)
        {
            return false;
        }
        var c = source[0];
        if (c == '.' || c == '/' || c == '~' || c == '\\')
        {
            return true;
        }
        return source.Length >= 2 && char.IsLetter(c) && source[1] == ':';
    }
}
