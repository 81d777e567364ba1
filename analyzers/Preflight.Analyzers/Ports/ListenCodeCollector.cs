using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Preflight.Analyzers.Routes;

namespace Preflight.Analyzers.Ports;

/// <summary>
/// What the code says about the addresses Kestrel binds: <c>UseUrls("...")</c>, <c>app.Urls.Add("...")</c>,
/// <c>app.Run("...")</c>, <c>Listen*(port)</c>; anything not constant (or HttpSys, a "urls" setting) makes it unknown.
/// </summary>
internal sealed class ListenCodeCollector
{
    private readonly ConcurrentQueue<string> _urls = new ConcurrentQueue<string>();
    private readonly ConcurrentQueue<int> _listenPorts = new ConcurrentQueue<int>();
    private int _unknown;
    private int _isWebApp;

    public void Register(CompilationStartAnalysisContext start) =>
        start.RegisterOperationAction(
            context => OnInvocation((IInvocationOperation)context.Operation), OperationKind.Invocation);

    public ListenCode Build() =>
        new ListenCode(
        _isWebApp != 0, _unknown != 0, new System.Collections.Generic.List<string>(_urls),
        new System.Collections.Generic.List<int>(_listenPorts));

    private void OnInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (RouteCollector.IsWebHostMarker(method))
        {
            _isWebApp = 1;
            return;
        }
        switch (method.Name)
        {
            case "UseUrls":
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == 0 && (method.ReducedFrom ?? method).IsExtensionMethod)
                    {
                        continue; // the builder
                    }
                    AddStrings(argument.Value);
                }
                break;
            case "Add" when invocation.Instance is IPropertyReferenceOperation { Property.Name: "Urls" } property &&
                            property.Property.ContainingType?.Name == "WebApplication":
            case "Run" or "RunAsync" when method.ContainingType?.Name == "WebApplication"
                && invocation.Arguments.Length == 1 &&
                                           invocation.Arguments[0].ArgumentKind == ArgumentKind.Explicit:
                AddStrings(invocation.Arguments[0].Value);
                break;
            case "Listen" or "ListenAnyIP" or "ListenLocalhost"
                when method.ContainingType?.Name == "KestrelServerOptions":
                var port = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
                if (port?.ConstantValue.Value is int number)
                {
                    _listenPorts.Enqueue(number);
                }
                else if (port is IObjectCreationOperation { Arguments.Length: 2 } endpoint
                    && endpoint.Arguments[1].Value.ConstantValue.Value is int endpointPort)
                {
                    _listenPorts.Enqueue(endpointPort); // new IPEndPoint(IPAddress.Any, 5000)
                }
                else
                {
                    _unknown = 1;
                }
                break;
            case "ListenUnixSocket" or "ListenNamedPipe" or "ListenHandle" or "UseHttpSys":
            // endpoints from a configuration section of its own
            case "Configure" when method.ContainingType?.Name == "KestrelServerOptions":
                _unknown = 1;
                break;
            case "SetEnvironmentVariable" when invocation.Arguments.Length > 0 &&
                                               (invocation.Arguments[0].Value.ConstantValue.Value is not string variable
                                                   || ListenPortResolver.IsPortVariable(variable)):
                _unknown = 1;
                break;
            case "UseSetting" when invocation.Arguments.Length > 1
                && invocation.Arguments[invocation.Arguments.Length - 2].Value.ConstantValue.Value is string key &&
                                   (key.Equals("urls", StringComparison.OrdinalIgnoreCase)
                                       || key.IndexOf("ports", StringComparison.OrdinalIgnoreCase) >= 0):
                _unknown = 1;
                break;
        }
    }

    private void AddStrings(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }
        if (value.ConstantValue.Value is string text)
        {
            _urls.Enqueue(text);
            return;
        }
        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            foreach (var element in initializer.ElementValues)
            {
                AddStrings(element);
            }
            return;
        }
        _unknown = 1;
    }
}

/// <summary>The listen addresses the code sets.</summary>
internal sealed class ListenCode
{
    public ListenCode(
        bool isWebApp, bool isUnknown, System.Collections.Generic.IReadOnlyList<string> urls,
        System.Collections.Generic.IReadOnlyList<int> listenPorts)
    {
        IsWebApp = isWebApp;
        IsUnknown = isUnknown;
        Urls = urls;
        ListenPorts = listenPorts;
    }

    public bool IsWebApp { get; }
    public bool IsUnknown { get; }
    public System.Collections.Generic.IReadOnlyList<string> Urls { get; }
    public System.Collections.Generic.IReadOnlyList<int> ListenPorts { get; }
}
