using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Wiring.NotImplementedMemberAnalyzer>;

namespace Preflight.Analyzers.Tests.Wiring;

/// <summary>PF6002: members of registered implementations and controllers that only throw NotImplementedException.</summary>
public class PF6002NotImplementedMemberAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        """;

    private static DiagnosticResult PF6002(int location, string kind, string member, string type, string role) =>
        new DiagnosticResult("PF6002", DiagnosticSeverity.Warning).WithLocation(location).WithArguments(kind, member, type, role);

    [Fact]
    public Task Block_and_expression_bodied_stubs_of_registered_implementations_are_reported() =>
        new Test(Usings + """
            public interface IStorageService
            {
                Task UploadDocument(string name);
                Task<byte[]> Download(string name);
                string Root { get; set; }
                int Count { get; }
            }

            public sealed class StorageService : IStorageService
            {
                public StorageService() => throw new NotImplementedException("later");
                public Task {|#1:UploadDocument|}(string name) { throw new NotImplementedException(); }
                public Task<byte[]> {|#2:Download|}(string name) => throw new System.NotImplementedException();
                public string Root { {|#3:get|} => throw new NotImplementedException(); set { throw new NotSupportedException(); } }
                public int {|#4:Count|} => throw new NotImplementedException();
                public string Bucket { get => ""; {|#7:set|} { throw new NotImplementedException(); } }
                public void Log(string message) { Console.WriteLine(message); throw new NotImplementedException(); }
                public static StorageService operator {|#5:+|}(StorageService a, StorageService b) => throw new NotImplementedException();
            }

            public sealed class Cache
            {
                public Cache() { }
                public void {|#6:Clear|}() => throw new NotImplementedException();
            }

            static class Setup
            {
                static void Run(IServiceCollection services)
                {
                    services.AddScoped<IStorageService, StorageService>();
                    services.AddSingleton(new Cache());
                }
            }
            """.Replace("public StorageService() =>", "public {|#0:StorageService|}() =>"))
            .Expect(
                PF6002(0, "Constructor", "StorageService", "StorageService", "registered as 'IStorageService'"),
                PF6002(1, "Method", "UploadDocument", "StorageService", "registered as 'IStorageService'"),
                PF6002(2, "Method", "Download", "StorageService", "registered as 'IStorageService'"),
                PF6002(3, "Property getter", "Root", "StorageService", "registered as 'IStorageService'"),
                PF6002(4, "Property", "Count", "StorageService", "registered as 'IStorageService'"),
                PF6002(5, "Operator", "operator +", "StorageService", "registered as 'IStorageService'"),
                PF6002(6, "Method", "Clear", "Cache", "registered as 'Cache'"),
                PF6002(7, "Property setter", "Bucket", "StorageService", "registered as 'IStorageService'"))
            .RunAsync();

    [Fact]
    public Task Controllers_and_hosted_services_are_checked() =>
        new Test(Usings + """
            [ApiController]
            public class ReportsController : ControllerBase
            {
                [HttpGet] public IActionResult {|#0:Get|}() => throw new NotImplementedException();
            }

            public sealed class Worker : BackgroundService
            {
                protected override Task {|#1:ExecuteAsync|}(CancellationToken stoppingToken) => throw new NotImplementedException();
            }

            static class Setup
            {
                static void Run(IServiceCollection services) => services.AddControllers().Services.AddHostedService<Worker>();
            }
            """)
            .Expect(
                PF6002(0, "Method", "Get", "ReportsController", "a controller"),
                PF6002(1, "Method", "ExecuteAsync", "Worker", "registered as a hosted service"))
            .RunAsync();

    [Fact]
    public Task Unregistered_types_abstract_members_and_other_exceptions_give_no_finding() =>
        new Test(Usings + """
            public interface IExporter { void Export(); void Flush() => throw new NotImplementedException(); }

            public abstract class ExporterBase : IExporter
            {
                public abstract void Export();
            }

            public sealed class CsvExporter : ExporterBase
            {
                public override void Export() => throw new NotSupportedException();
            }

            public sealed class Draft
            {
                public void Export() => throw new NotImplementedException();
            }

            static class Setup
            {
                static void Run(IServiceCollection services) => services.AddTransient<IExporter, CsvExporter>();
            }
            """)
            .RunAsync();

    /// <summary>Stubs are found by their syntax first (a single throw), then bound: indexers, event accessors and
    /// conversions too; a body that does more than throw is not a stub.</summary>
    [Fact]
    public Task Indexer_event_and_conversion_stubs_are_reported_and_longer_bodies_are_not() =>
        new Test(Usings + """
            public sealed class Ledger
            {
                public int {|#0:this|}[int index] => throw new NotImplementedException();
                public event EventHandler Changed { {|#1:add|} { throw new NotImplementedException(); } remove { } }
                public static implicit operator {|#2:string|}(Ledger ledger) => throw new NotImplementedException();
                public void Close() { void Log() { } throw new NotImplementedException(); }
                public void Reopen() { ; throw new NotImplementedException(); }
                public void Retry() { try { } catch { throw; } }
            }

            static class Setup
            {
                static void Run(IServiceCollection services) => services.AddSingleton<Ledger>();
            }
            """)
            .Expect(
                PF6002(0, "Indexer", "this[]", "Ledger", "registered as 'Ledger'"),
                PF6002(1, "Event add accessor", "Changed", "Ledger", "registered as 'Ledger'"),
                PF6002(2, "Operator", "implicit operator string", "Ledger", "registered as 'Ledger'"))
            .RunAsync();

    /// <summary>The rule runs only where some source names NotImplementedException: an alias declaration naming it is
    /// enough, and the stub that throws the alias is found.</summary>
    [Fact]
    public Task A_stub_throwing_an_alias_of_the_exception_is_reported() =>
        new Test("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Todo = System.NotImplementedException;

            public sealed class Mailer
            {
                public Task {|#0:Send|}(string to) => throw new Todo();
            }

            static class Setup
            {
                static void Run(IServiceCollection services) => services.AddSingleton<Mailer>();
            }
            """)
            .Expect(PF6002(0, "Method", "Send", "Mailer", "registered as 'Mailer'"))
            .RunAsync();
}
