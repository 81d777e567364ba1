using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Json;

/// <summary>
/// Reads appsettings*.json as the .NET JSON configuration provider does: comments and trailing commas allowed,
/// nesting up to 64, a top-level object required, duplicate keys (case-insensitive) rejected.
/// </summary>
public static class AppSettingsParser
{
    /// <summary>System.Text.Json's default, which the configuration provider uses.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Texts longer than this are not read (the same bound as the other artifact parsers): the document is
    /// <see cref="AppSettingsDocument.IsUnread"/>, with no keys and no error.
    /// </summary>
    public const int MaxLength = 8 * 1024 * 1024;

    public static AppSettingsDocument Parse(string text)
    {
        text ??= string.Empty;
        if (text.Length > MaxLength)
        {
            return new AppSettingsDocument(Array.Empty<AppSettingsKey>(), null, isUnread: true);
        }
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }
        var map = new LineMap(text);
        if (text.Trim().Length == 0)
        {
            return new AppSettingsDocument(
                Array.Empty<AppSettingsKey>(), new AppSettingsError("the file is empty", map.Span(0, 0)));
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        var walker = new Walker(text, bytes, map);
        try
        {
            walker.Run();
            return new AppSettingsDocument(walker.Keys, walker.Error);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var offset = map.Offset(Math.Min(line, map.LineCount), column);
            return new AppSettingsDocument(walker.Keys, new AppSettingsError(Describe(ex), map.Span(offset, offset)));
        }
    }

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message.Substring(0, cut).TrimEnd();
        }
        if (message.IndexOf("maximum configured depth", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "nesting is deeper than " + MaxDepth + " levels";
        }
        if (message.IndexOf("does not contain any JSON tokens", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "the file has no JSON value";
        }
        if (message.IndexOf("Expected depth to be zero", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "not valid JSON (an object or array is not closed)";
        }
        return "not valid JSON (" + message.TrimEnd('.') + ")";
    }

    private sealed class Walker
    {
        private readonly string _text;
        private readonly byte[] _bytes;
        private readonly LineMap _map;
        private readonly Stack<string> _path = new Stack<string>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private int _lastByte;
        private int _lastChar;

        public Walker(string text, byte[] bytes, LineMap map)
        {
            _text = text;
            _bytes = bytes;
            _map = map;
        }

        public List<AppSettingsKey> Keys { get; } = new List<AppSettingsKey>();
        public AppSettingsError? Error { get; private set; }

        public void Run()
        {
            var options = new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                MaxDepth = MaxDepth,
            };
            var reader = new Utf8JsonReader(_bytes, options);
            if (!reader.Read())
            {
                Error = new AppSettingsError("the file has no JSON value", _map.Span(0, 0));
                return;
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var at = CharOffset((int)reader.TokenStartIndex);
                Error = new AppSettingsError(
                    $"the top-level JSON element must be an object, but it is {Describe(reader.TokenType)}",
                    _map.Span(at, at + 1));
                return;
            }
            ReadObject(ref reader);
            if (Error == null)
            {
                // Anything but comments and whitespace after the top-level object makes Read() throw, as JsonDocument
                // does.
                reader.Read();
            }
        }

        private void ReadObject(ref Utf8JsonReader reader)
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    return;
                }
                // PropertyName
                var name = reader.GetString() ?? string.Empty;
                var start = CharOffset((int)reader.TokenStartIndex);
                var span = _map.Span(start, start + name.Length + 2);
                _path.Push(name);
                var key = Join();
                reader.Read();
                if (!AddKey(key, reader, span))
                {
                    return;
                }
                ReadValue(ref reader);
                _path.Pop();
                if (Error != null)
                {
                    return;
                }
            }
        }

        private void ReadArray(ref Utf8JsonReader reader)
        {
            var index = 0;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    return;
                }
                var start = CharOffset((int)reader.TokenStartIndex);
                _path.Push(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var key = Join();
                if (!AddKey(key, reader, _map.Span(start, start + 1)))
                {
                    return;
                }
                ReadValue(ref reader);
                _path.Pop();
                index++;
                if (Error != null)
                {
                    return;
                }
            }
        }

        private void ReadValue(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ReadObject(ref reader);
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                ReadArray(ref reader);
            }
        }

        private bool AddKey(string key, Utf8JsonReader reader, SourceSpan span)
        {
            if (!_seen.Add(key))
            {
                Error = new AppSettingsError($"the key '{key}' is defined twice (keys are case-insensitive)", span);
                return false;
            }
            string? value = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False =>
                    Encoding.UTF8.GetString(reader.ValueSpan.ToArray()),
                _ => null,
            };
            Keys.Add(new AppSettingsKey(key, value, span));
            return true;
        }

        private string Join()
        {
            var parts = _path.ToArray();
            Array.Reverse(parts);
            return string.Join(":", parts);
        }

        private int CharOffset(int byteOffset)
        {
            if (byteOffset < _lastByte)
            {
                _lastByte = 0;
                _lastChar = 0;
            }
            _lastChar += Encoding.UTF8.GetCharCount(_bytes, _lastByte, byteOffset - _lastByte);
            _lastByte = byteOffset;
            return Math.Min(_lastChar, _text.Length);
        }

        private static string Describe(JsonTokenType type) => type switch
        {
            JsonTokenType.StartArray => "an array",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            _ => type.ToString(),
        };
    }
}
