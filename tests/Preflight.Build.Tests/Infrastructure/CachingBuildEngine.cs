using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.Build.Framework;

namespace Preflight.Build.Tests.Infrastructure;

/// <summary>A build engine with the task object cache of one build (IBuildEngine4), keeping what a task logs.</summary>
public sealed class CachingBuildEngine : IBuildEngine4
{
    private readonly Dictionary<(object Key, RegisteredTaskObjectLifetime Lifetime), object> _objects = new();

    public List<BuildMessageEventArgs> Messages { get; } = new();
    public List<BuildErrorEventArgs> Errors { get; } = new();
    public List<BuildWarningEventArgs> Warnings { get; } = new();

    /// <summary>How many objects tasks registered.</summary>
    public int Registered => _objects.Count;

    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => "test.proj";
    public bool IsRunningMultipleNodes => false;
    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => true;
    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) => true;
    public bool BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) => true;
    public BuildEngineResult BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) => new(true, null);
    public void Yield() { }
    public void Reacquire() { }
    public void LogCustomEvent(CustomBuildEventArgs e) { }
    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);
    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
    public void RegisterTaskObject(object key, object obj, RegisteredTaskObjectLifetime lifetime, bool allowEarlyCollection) => _objects[(key, lifetime)] = obj;
    public object? GetRegisteredTaskObject(object key, RegisteredTaskObjectLifetime lifetime) => _objects.TryGetValue((key, lifetime), out var value) ? value : null;
    public object? UnregisterTaskObject(object key, RegisteredTaskObjectLifetime lifetime) => _objects.Remove((key, lifetime), out var value) ? value : null;
}
