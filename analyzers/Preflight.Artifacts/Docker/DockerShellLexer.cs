using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Preflight.Artifacts.Docker;

/// <summary>How <see cref="DockerShellLexer"/> treats quotes, escapes and unset variables.</summary>
public sealed class DockerLexOptions
{
    public static readonly DockerLexOptions Default = new DockerLexOptions();

    /// <summary>Keep the quote characters in the result.</summary>
    public bool RawQuotes { get; set; }
    /// <summary>Keep the escape characters in the result.</summary>
    public bool RawEscapes { get; set; }
    /// <summary>Leave references to unset variables as written (<c>$X</c>, <c>${X:-y}</c>).</summary>
    public bool SkipUnsetEnv { get; set; }
    /// <summary>Do not treat quotes specially.</summary>
    public bool SkipProcessQuotes { get; set; }
}

/// <summary>The outcome of expanding one word with <see cref="DockerShellLexer"/>.</summary>
public sealed class DockerWordResult
{
    internal DockerWordResult(
        string result, IReadOnlyList<string> words, IReadOnlyList<string> matched, IReadOnlyList<string> unmatched,
        IReadOnlyList<string> undefined, string? error)
    {
        Result = result;
        Words = words;
        Matched = matched;
        Unmatched = unmatched;
        Undefined = undefined;
        Error = error;
    }

    /// <summary>The expanded word (spaces between words kept); empty on error.</summary>
    public string Result { get; }
    /// <summary>The expanded text split into words after expansion, as BuildKit's ProcessWords does.</summary>
    public IReadOnlyList<string> Words { get; }
    /// <summary>Variables looked up and found.</summary>
    public IReadOnlyList<string> Matched { get; }
    /// <summary>Every variable looked up and not found (BuildKit's "unmatched"), including those with a
    /// default.</summary>
    public IReadOnlyList<string> Unmatched { get; }
    /// <summary>Variables used without a default or alternative (<c>$X</c>, <c>${X}</c>, <c>${X#p}</c> …) and not
    /// found.</summary>
    public IReadOnlyList<string> Undefined { get; }
    /// <summary>Why the word cannot be expanded (unterminated quote, bad substitution, <c>${X:?msg}</c> …); null on
    /// success.</summary>
    public string? Error { get; }
    public bool Success => Error == null;
}

/// <summary>
/// BuildKit's shell lexer for Dockerfile words: quotes, escapes, <c>$a</c>, <c>${a}</c>, <c>${a:-b}</c>, <c>${a-b}</c>,
/// <c>${a:+b}</c>, <c>${a+b}</c>, <c>${a:?msg}</c>, <c>${a#pat}</c>, <c>${a##pat}</c>, <c>${a%pat}</c>,
/// <c>${a%%pat}</c>,
/// <c>${a/pat/repl}</c>, <c>${a//pat/repl}</c>. Unix semantics (variable names are case-sensitive). Never throws.
/// Over 600 lines: one lexer whose states (words, quotes, each expansion form) call each other; splitting it would
/// spread one state machine over several files.
/// </summary>
public static class DockerShellLexer
{
    private static readonly IReadOnlyDictionary<string, string> NoEnv = new Dictionary<string, string>();

    /// <summary>Expands a word; <see cref="DockerWordResult.Result"/> holds the text.</summary>
    public static DockerWordResult ProcessWord(
        string word, IReadOnlyDictionary<string, string>? env, char escape = '\\', DockerLexOptions? options = null) =>
        Process(word, env, escape, options);

    /// <summary>Expands a word and splits it into words; <see cref="DockerWordResult.Words"/> holds them.</summary>
    public static DockerWordResult ProcessWords(
        string word, IReadOnlyDictionary<string, string>? env, char escape = '\\', DockerLexOptions? options = null) =>
        Process(word, env, escape, options);

    private static DockerWordResult Process(
        string word, IReadOnlyDictionary<string, string>? env, char escape, DockerLexOptions? options)
    {
        var state = new LexState(word ?? string.Empty, env ?? NoEnv, escape, options ?? DockerLexOptions.Default);
        try
        {
            var (result, words) = state.ProcessStopOn(LexState.Eof, state.Options.RawEscapes);
            return state.Finish(result, words, null);
        }
        catch (LexException e)
        {
            return state.Finish(string.Empty, Array.Empty<string>(), e.Message);
        }
        catch (RegexMatchTimeoutException e)
        {
            return state.Finish(string.Empty, Array.Empty<string>(), e.Message);
        }
        catch (ArgumentException e)
        {
            // An invalid pattern reaching the regex engine.
            return state.Finish(string.Empty, Array.Empty<string>(), e.Message);
        }
    }

    private sealed class LexException : Exception
    {
        public LexException(string message) : base(message)
        {
        }
    }

    private sealed class Words
    {
        private readonly List<string> _words = new List<string>();
        private readonly StringBuilder _word = new StringBuilder();
        private bool _inWord;

        public void AddChar(char ch)
        {
            if (char.IsWhiteSpace(ch) && _inWord)
            {
                if (_word.Length != 0)
                {
                    _words.Add(_word.ToString());
                    _word.Clear();
                    _inWord = false;
                }
            }
            else if (!char.IsWhiteSpace(ch))
            {
                AddRawChar(ch);
            }
        }

        public void AddRawChar(char ch)
        {
            _word.Append(ch);
            _inWord = true;
        }

        public void AddString(string text)
        {
            foreach (var ch in text)
            {
                AddChar(ch);
            }
        }

        public void AddRawString(string text)
        {
            _word.Append(text);
            _inWord = true;
        }

        public List<string> GetWords()
        {
            if (_word.Length > 0)
            {
                _words.Add(_word.ToString());
                _word.Clear();
                _inWord = false;
            }
            return _words;
        }
    }

    private sealed class LexState
    {
        public const int Eof = -1;
        private const int MaxDepth = 64;
        private readonly string _text;
        private readonly IReadOnlyDictionary<string, string> _env;
        private readonly char _escape;
        private readonly List<string> _matched = new List<string>();
        private readonly List<string> _unmatched = new List<string>();
        private readonly List<string> _undefined = new List<string>();
        private int _position;
        private bool _rawEscapes;
        private int _depth;

        public LexState(string text, IReadOnlyDictionary<string, string> env, char escape, DockerLexOptions options)
        {
            _text = text;
            _env = env;
            _escape = escape;
            Options = options;
            _rawEscapes = options.RawEscapes;
        }

        public DockerLexOptions Options { get; }

        public DockerWordResult Finish(string result, IReadOnlyList<string> words, string? error) =>
            new DockerWordResult(result, words, _matched, _unmatched, _undefined, error);

        private int Peek() => _position < _text.Length ? _text[_position] : Eof;

        private int Next() => _position < _text.Length ? _text[_position++] : Eof;

        public (string Result, List<string> Words) ProcessStopOn(int stopChar, bool rawEscapes)
        {
            if (++_depth > MaxDepth)
            {
                throw new LexException("substitution nested too deeply");
            }
            var saved = _rawEscapes;
            _rawEscapes = rawEscapes;
            try
            {
                return ProcessStopOnCore(stopChar);
            }
            finally
            {
                _rawEscapes = saved;
                _depth--;
            }
        }

        private (string Result, List<string> Words) ProcessStopOnCore(int stopChar)
        {
            var result = new StringBuilder();
            var words = new Words();
            while (Peek() != Eof)
            {
                var ch = Peek();
                if (stopChar != Eof && ch == stopChar)
                {
                    Next();
                    return (result.ToString(), words.GetWords());
                }
                if (ch == '$')
                {
                    var value = ProcessDollar();
                    result.Append(value);
                    words.AddString(value);
                }
                else if (!Options.SkipProcessQuotes && (ch == '\'' || ch == '"'))
                {
                    var value = ch == '\'' ? ProcessSingleQuote() : ProcessDoubleQuote();
                    result.Append(value);
                    words.AddRawString(value);
                }
                else
                {
                    ch = Next();
                    if (ch == _escape)
                    {
                        if (_rawEscapes)
                        {
                            words.AddRawChar((char)ch);
                            result.Append((char)ch);
                        }
                        ch = Next();
                        if (ch == Eof)
                        {
                            break;
                        }
                        words.AddRawChar((char)ch);
                    }
                    else
                    {
                        words.AddChar((char)ch);
                    }
                    result.Append((char)ch);
                }
            }
            if (stopChar != Eof)
            {
                throw new LexException($"unexpected end of statement while looking for matching {(char)stopChar}");
            }
            return (result.ToString(), words.GetWords());
        }

        private string ProcessSingleQuote()
        {
            var result = new StringBuilder();
            var ch = Next();
            if (Options.RawQuotes)
            {
                result.Append((char)ch);
            }
            while (true)
            {
                ch = Next();
                if (ch == Eof)
                {
                    throw new LexException("unexpected end of statement while looking for matching single-quote");
                }
                if (ch == '\'')
                {
                    if (Options.RawQuotes)
                    {
                        result.Append((char)ch);
                    }
                    return result.ToString();
                }
                result.Append((char)ch);
            }
        }

        private string ProcessDoubleQuote()
        {
            var result = new StringBuilder();
            var ch = Next();
            if (Options.RawQuotes)
            {
                result.Append((char)ch);
            }
            while (true)
            {
                switch (Peek())
                {
                    case Eof:
                        throw new LexException("unexpected end of statement while looking for matching double-quote");
                    case '"':
                        ch = Next();
                        if (Options.RawQuotes)
                        {
                            result.Append((char)ch);
                        }
                        return result.ToString();
                    case '$':
                        result.Append(ProcessDollar());
                        break;
                    default:
                        ch = Next();
                        if (ch == _escape)
                        {
                            if (_rawEscapes)
                            {
                                result.Append((char)ch);
                            }
                            var next = Peek();
                            if (next == Eof)
                            {
                                continue;
                            }
                            if (next == '"' || next == '$' || next == _escape)
                            {
                                ch = Next();
                            }
                        }
                        result.Append((char)ch);
                        break;
                }
            }
        }

        private string ProcessDollar()
        {
            Next();
            if (Peek() != '{')
            {
                var plain = ProcessName();
                if (plain.Length == 0)
                {
                    return "$";
                }
                var found = GetEnv(plain, true, out var plainValue);
                if (!found && Options.SkipUnsetEnv)
                {
                    return "$" + plain;
                }
                return plainValue;
            }
            Next();
            var peek = Peek();
            if (peek == Eof)
            {
                throw new LexException("syntax error: missing '}'");
            }
            if (peek == '{' || peek == '}' || peek == ':')
            {
                throw new LexException("syntax error: bad substitution");
            }
            var name = ProcessName();
            var ch = Next();
            var modifier = ch == Eof ? string.Empty : ((char)ch).ToString();
            var nullIsUnset = false;
            switch (ch)
            {
                case '}':
                {
                    var set = GetEnv(name, true, out var value);
                    if (!set && Options.SkipUnsetEnv)
                    {
                        return "${" + name + "}";
                    }
                    return value;
                }
                case ':':
                case '+':
                case '-':
                case '?':
                case '#':
                case '%':
                {
                    if (ch == ':')
                    {
                        nullIsUnset = true;
                        ch = Next();
                        modifier += ch == Eof ? string.Empty : ((char)ch).ToString();
                    }
                    var rawEscapes = ch == '#' || ch == '%';
                    string word;
                    try
                    {
                        word = ProcessStopOn('}', rawEscapes).Result;
                    }
                    catch (LexException) when (Peek() == Eof)
                    {
                        throw new LexException("syntax error: missing '}'");
                    }
                    var counts = ch == '#' || ch == '%';
                    var set = GetEnv(name, counts, out var value);
                    if (Options.SkipUnsetEnv && !set)
                    {
                        return "${" + name + modifier + word + "}";
                    }
                    switch (ch)
                    {
                        case '-':
                            return !set || (nullIsUnset && value.Length == 0) ? word : value;
                        case '+':
                            return !set || (nullIsUnset && value.Length == 0) ? string.Empty : word;
                        case '?':
                            if (!set)
                            {
                                throw new LexException(
                                    $"{name}: {(word.Length != 0 ? word : "is not allowed to be unset")}");
                            }
                            if (nullIsUnset && value.Length == 0)
                            {
                                throw new LexException(
                                    $"{name}: {(word.Length != 0 ? word : "is not allowed to be empty")}");
                            }
                            return value;
                        case '%':
                        case '#':
                        {
                            var greedy = false;
                            if (word.Length > 0 && word[0] == ch)
                            {
                                greedy = true;
                                word = word.Substring(1);
                            }
                            return ch == '%' ? TrimSuffix(word, value, greedy) : TrimPrefix(word, value, greedy);
                        }
                        default:
                            throw new LexException($"unsupported modifier ({modifier}) in substitution");
                    }
                }
                case '/':
                {
                    var replaceAll = Peek() == '/';
                    if (replaceAll)
                    {
                        Next();
                    }
                    string pattern;
                    string replacement;
                    try
                    {
                        pattern = ProcessStopOn('/', true).Result;
                    }
                    catch (LexException) when (Peek() == Eof)
                    {
                        throw new LexException("syntax error: missing '/' in ${}");
                    }
                    try
                    {
                        replacement = ProcessStopOn('}', true).Result;
                    }
                    catch (LexException) when (Peek() == Eof)
                    {
                        throw new LexException("syntax error: missing '}'");
                    }
                    var set = GetEnv(name, true, out var value);
                    if (Options.SkipUnsetEnv && !set)
                    {
                        return "${" + name + "/" + pattern + "/" + replacement + "}";
                    }
                    var regex = ShellPatternToRegex(pattern, true, false);
                    if (replaceAll)
                    {
                        return regex.Replace(value, replacement.Replace("$", "$$"));
                    }
                    var match = regex.Match(value);
                    return match.Success ? value.Substring(0, match.Index) + replacement
                        + value.Substring(match.Index + match.Length) : value;
                }
                default:
                    throw new LexException($"unsupported modifier ({modifier}) in substitution");
            }
        }

        private string ProcessName()
        {
            var name = new StringBuilder();
            while (Peek() != Eof)
            {
                var ch = (char)Peek();
                if (name.Length == 0 && char.IsDigit(ch))
                {
                    while (Peek() != Eof && char.IsDigit((char)Peek()))
                    {
                        name.Append((char)Next());
                    }
                    return name.ToString();
                }
                if (name.Length == 0 && IsSpecialParameter(ch))
                {
                    Next();
                    return ch.ToString();
                }
                if (!char.IsLetter(ch) && !char.IsDigit(ch) && ch != '_')
                {
                    break;
                }
                name.Append((char)Next());
            }
            return name.ToString();
        }

        private static bool IsSpecialParameter(char ch) => ch is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0';

        private bool GetEnv(string name, bool countsAsUse, out string value)
        {
            if (_env.TryGetValue(name, out var found))
            {
                value = found ?? string.Empty;
                AddOnce(_matched, name);
                return true;
            }
            value = string.Empty;
            AddOnce(_unmatched, name);
            if (countsAsUse)
            {
                AddOnce(_undefined, name);
            }
            return false;
        }

        private static void AddOnce(List<string> list, string name)
        {
            if (!list.Contains(name))
            {
                list.Add(name);
            }
        }
    }

    /// <summary>A shell wildcard pattern (<c>*</c>, <c>?</c>, backslash escapes) as a regular expression.</summary>
    private static Regex ShellPatternToRegex(string pattern, bool greedy, bool anchored)
    {
        var output = new StringBuilder(pattern.Length + 4);
        if (anchored)
        {
            output.Append('^');
        }
        var star = greedy ? ".*" : ".*?";
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            switch (ch)
            {
                case '*':
                    output.Append(star);
                    continue;
                case '?':
                    output.Append('.');
                    continue;
                case '\\':
                    if (i + 1 < pattern.Length && (pattern[i + 1] == '}' || pattern[i + 1] == '/'))
                    {
                        continue;
                    }
                    if (i + 1 >= pattern.Length
                        || (pattern[i + 1] != '*' && pattern[i + 1] != '?' && pattern[i + 1] != '\\'))
                    {
                        throw new LexException($"invalid pattern ({pattern}) in substitution: invalid escape");
                    }
                    output.Append('\\').Append(pattern[++i]);
                    continue;
            }
            output.Append(Regex.Escape(ch.ToString()));
        }
        return new Regex(
            output.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    private static string TrimPrefix(string pattern, string value, bool greedy)
    {
        var match = ShellPatternToRegex(pattern, greedy, true).Match(value);
        return match.Success ? value.Substring(match.Index + match.Length) : value;
    }

    private static string TrimSuffix(string pattern, string value, bool greedy)
    {
        var reversed = TrimPrefix(ReversePattern(pattern), Reverse(value), greedy);
        return Reverse(reversed);
    }

    private static string ReversePattern(string pattern)
    {
        var output = new char[pattern.Length];
        var last = pattern.Length - 1;
        for (var i = 0; i <= last;)
        {
            var outIndex = last - i;
            if (pattern[i] == '\\' && i != last)
            {
                output[outIndex - 1] = '\\';
                output[outIndex] = pattern[i + 1];
                i += 2;
            }
            else
            {
                output[outIndex] = pattern[i];
                i++;
            }
        }
        return new string(output);
    }

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
