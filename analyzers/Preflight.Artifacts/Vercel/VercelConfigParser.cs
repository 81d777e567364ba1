using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Preflight.Artifacts.Text;

namespace Preflight.Artifacts.Vercel;

/// <summary>Reads the paths of a vercel.json with <see cref="Utf8JsonReader"/>, keeping their positions. IO-free; never
/// throws.</summary>
public static class VercelConfigParser
{
    /// <summary>Texts longer than this are not read (a vercel.json is a few kilobytes).</summary>
    public const int MaxLength = 4 * 1024 * 1024;

    private const int MaxDepth = 64;

    public static VercelConfig Parse(string text)
    {
        text ??= string.Empty;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }
        var map = new LineMap(text);
        var functions = new List<VercelPath>();
        var builds = new List<VercelPath>();
        if (text.Length > MaxLength)
        {
            return new VercelConfig(functions, builds, "the file is too large to be read", map.Span(0, 0));
        }
        if (text.Trim().Length == 0)
        {
            return new VercelConfig(functions, builds, "the file is empty", map.Span(0, 0));
        }
        var walker = new Walker(text, map, functions, builds);
        try
        {
            var error = walker.Run();
            return new VercelConfig(functions, builds, error, error != null ? map.Span(0, 0) : default);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var offset = map.Offset(Math.Min(line, map.LineCount), column);
            return new VercelConfig(functions, builds, "not valid JSON", map.Span(offset, offset));
        }
        catch (Exception ex) when (!(ex is OutOfMemoryException))
        {
            return new VercelConfig(
                functions, builds, "the file could not be read (" + ex.GetType().Name + ")", map.Span(0, 0));
        }
    }

    private sealed class Walker
    {
        private readonly string _text;
        private readonly byte[] _bytes;
        private readonly LineMap _map;
        private readonly List<VercelPath> _functions;
        private readonly List<VercelPath> _builds;
        private int _lastByte;
        private int _lastChar;

        public Walker(string text, LineMap map, List<VercelPath> functions, List<VercelPath> builds)
        {
            _text = text;
            _bytes = Encoding.UTF8.GetBytes(text);
            _map = map;
            _functions = functions;
            _builds = builds;
        }

        public string? Run()
        {
            var reader = new Utf8JsonReader(_bytes, new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                MaxDepth = MaxDepth,
            });
            if (!reader.Read())
            {
                return "the file has no JSON value";
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return "the top-level JSON element must be an object";
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "functions" && reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadFunctions(ref reader);
                }
                else if (name == "builds" && reader.TokenType == JsonTokenType.StartArray)
                {
                    ReadBuilds(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            return null;
        }

        private void ReadFunctions(ref Utf8JsonReader reader)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                _functions.Add(new VercelPath(reader.GetString() ?? string.Empty, StringSpan(ref reader)));
                reader.Read();
                reader.Skip();
            }
        }

        private void ReadBuilds(ref Utf8JsonReader reader)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    reader.Read();
                    if (name == "src" && reader.TokenType == JsonTokenType.String)
                    {
                        _builds.Add(new VercelPath(reader.GetString() ?? string.Empty, StringSpan(ref reader)));
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }

        /// <summary>The span of the current string or property name token, quotes included.</summary>
        private SourceSpan StringSpan(ref Utf8JsonReader reader)
        {
            var startByte = (int)reader.TokenStartIndex;
            var endByte = startByte
                + (reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length) + 2;
            var start = CharOffset(startByte);
            var end = CharOffset(Math.Min(endByte, _bytes.Length));
            return _map.Span(start, end);
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
    }
}
