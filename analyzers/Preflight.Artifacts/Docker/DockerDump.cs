using System.Globalization;
using System.Text;

namespace Preflight.Artifacts.Docker;

/// <summary>BuildKit's <c>Node.Dump()</c> S-expression form of an instruction, with Go's string quoting.</summary>
internal static class DockerDump
{
    public static string Instruction(DockerInstruction instruction)
    {
        var builder = new StringBuilder();
        builder.Append(instruction.Keyword.ToLowerInvariant());
        if (instruction.Flags.Count > 0)
        {
            builder.Append(" [");
            for (var i = 0; i < instruction.Flags.Count; i++)
            {
                var flag = instruction.Flags[i];
                builder.Append(i == 0 ? string.Empty : " ").Append(
                    Quote("--" + flag.Name + (flag.Value == null ? string.Empty : "=" + flag.Value)));
            }
            builder.Append(']');
        }
        if (instruction.Inner != null)
        {
            builder.Append(" (").Append(Instruction(instruction.Inner)).Append(')');
        }
        foreach (var value in instruction.Values)
        {
            builder.Append(' ').Append(Quote(value));
        }
        return builder.ToString().Trim();
    }

    /// <summary>Go's <c>strconv.Quote</c>.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); continue;
                case '\\': builder.Append("\\\\"); continue;
                case '\a': builder.Append("\\a"); continue;
                case '\b': builder.Append("\\b"); continue;
                case '\f': builder.Append("\\f"); continue;
                case '\n': builder.Append("\\n"); continue;
                case '\r': builder.Append("\\r"); continue;
                case '\t': builder.Append("\\t"); continue;
                case '\v': builder.Append("\\v"); continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (c < 0x20 || c == 0x7f)
            {
                builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (char.IsControl(c) || char.IsSurrogate(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                    || (char.IsWhiteSpace(c) && c != ' '))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.Append('"').ToString();
    }
}
