using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Test = Preflight.Analyzers.Tests.Infrastructure.PreflightAnalyzerTest<Preflight.Analyzers.Wiring.UnregisteredDependencyAnalyzer>;

namespace Preflight.Analyzers.Tests.Wiring;

/// <summary>PF6001: dependencies of activated types, declared in the project, that nothing registers.</summary>
public class PF6001UnregisteredDependencyAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.DependencyInjection.Extensions;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;
        using Microsoft.Extensions.Options;

        public interface IOrderRepository { }
        public sealed class SqlOrderRepository : IOrderRepository { }
        public interface IClock { }
        public sealed class Clock : IClock { }

        """;

    private static DiagnosticResult PF6001(int location, string missing, string consumer, string key = "") =>
        Test.Diagnostic("PF6001").WithLocation(location).WithArguments(missing, consumer, key);

    [Fact]
    public Task Controller_dependencies_that_nothing_registers_are_reported() =>
        new Test(Usings + """
            [ApiController]
            public class OrdersController : ControllerBase
            {
                public OrdersController({|#0:IOrderRepository repository|}, ILogger<OrdersController> logger) { }
            }

            public class ClockController({|#1:IClock clock|}) : ControllerBase { }

            public class HomeController
            {
                public HomeController([FromServices] {|#2:IClock clock|}) { }
            }

            internal class HelperController(IClock clock) { }

            static class Setup
            {
                static void Run(IServiceCollection services) => services.AddControllers();
            }
            """)
            .Expect(PF6001(0, "IOrderRepository", "OrdersController"), PF6001(1, "IClock", "ClockController"), PF6001(2, "IClock", "HomeController"))
            .RunAsync();

    [Fact]
    public Task Middleware_constructor_and_Invoke_parameters_are_dependencies() =>
        new Test(Usings + """
            public interface IMetrics { }

            public sealed class TimingMiddleware
            {
                public TimingMiddleware(RequestDelegate next, {|#0:IClock clock|}) { }
                public Task InvokeAsync(HttpContext context, {|#1:IMetrics metrics|}, ILogger<TimingMiddleware> logger) => Task.CompletedTask;
            }

            public sealed class TenantMiddleware
            {
                public TenantMiddleware(RequestDelegate next, IClock clock) { }
                public Task Invoke(HttpContext context) => Task.CompletedTask;
            }

            static class Setup
            {
                static void Run(IServiceCollection services, IApplicationBuilder app)
                {
                    services.AddRouting();
                    app.UseMiddleware<TimingMiddleware>();
                    app.UseMiddleware(typeof(TenantMiddleware), new Clock());
                }
            }
            """)
            .Expect(PF6001(0, "IClock", "TimingMiddleware"), PF6001(1, "IMetrics", "TimingMiddleware.InvokeAsync"))
            .RunAsync();

    [Fact]
    public Task Hubs_hosted_services_and_registered_implementations_are_consumers() =>
        new Test(Usings + """
            public interface IChatStore { }
            public interface IQueue { }
            public interface IOrderService { }
            public interface IChatClient { Task Receive(string message); }

            public sealed class ChatHub({|#0:IChatStore store|}) : Hub { }
            public sealed class TypedHub({|#1:IChatStore store|}) : Hub<IChatClient> { }

            public sealed class Worker({|#2:IQueue queue|}, ILogger<Worker> logger) : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
            }

            public sealed class OrderService : IOrderService
            {
                public OrderService({|#3:IOrderRepository repository|}, IClock clock) { }
            }

            public sealed class Unused(IQueue queue) { }

            static class Setup
            {
                static void Run(IServiceCollection services)
                {
                    services.AddSignalR();
                    services.AddHostedService<Worker>();
                    services.AddScoped<IOrderService, OrderService>();
                    services.AddSingleton<IClock, Clock>();
                }
            }
            """)
            .Expect(
                PF6001(0, "IChatStore", "ChatHub"), PF6001(1, "IChatStore", "TypedHub"), PF6001(2, "IQueue", "Worker"),
                PF6001(3, "IOrderRepository", "OrderService"))
            .RunAsync();

    [Fact]
    public Task Every_registration_form_provides_its_service() =>
        new Test(Usings + """
            public interface IA { } public sealed class A : IA { }
            public interface IB { } public sealed class B : IB { }
            public interface IC { } public sealed class C : IC { }
            public interface ID { } public sealed class D : ID { }
            public interface IE { } public sealed class E : IE { }
            public interface IF { } public sealed class F : IF { }
            public interface IG { } public sealed class G : IG { }
            public interface IH { } public sealed class H : IH { }
            public interface ICache { } public sealed class Cache : ICache { }
            public interface IGitHub { } public sealed class GitHub(HttpClient http) : IGitHub { }
            public interface IRepo<T> { } public sealed class Repo<T>(IClock clock) : IRepo<T> { }
            public interface IRepo<T, TKey> { }
            public sealed class Order { }
            public sealed class Self { }
            public sealed class StorageOptions { public string Root { get; set; } = ""; }

            public class ShopController(
                IA a, IB b, IC c, ID d, IE e, IF f, IG g, IH h, [FromKeyedServices("fast")] ICache cache, IGitHub gitHub,
                IRepo<Order> orders, Self self, IOptions<StorageOptions> storage, IOptionsMonitor<StorageOptions> monitor,
                {|#0:IRepo<Self, int> unregistered|}) : ControllerBase { }

            static class Setup
            {
                static void Run(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddScoped<IA, A>();
                    services.AddSingleton(typeof(IB), typeof(B));
                    services.AddTransient<IC>(sp => new C());
                    services.AddSingleton<ID>(new D());
                    services.TryAddScoped<IE, E>();
                    services.Add(ServiceDescriptor.Scoped<IF, F>());
                    services.Add(new ServiceDescriptor(typeof(IG), typeof(G), ServiceLifetime.Transient));
                    services.TryAddEnumerable(ServiceDescriptor.Singleton<IH, H>());
                    services.AddKeyedSingleton<ICache, Cache>("fast");
                    services.AddHttpClient<IGitHub, GitHub>();
                    services.AddScoped(typeof(IRepo<>), typeof(Repo<>));
                    services.AddSingleton<Self>();
                    services.AddSingleton<IClock>(sp => new Clock());
                    services.AddOptions<StorageOptions>();
                }
            }
            """)
            .Expect(PF6001(0, "IRepo<Self, int>", "ShopController"))
            .RunAsync();

    [Fact]
    public Task Keyed_dependencies_need_a_keyed_registration() =>
        new Test(Usings + """
            public interface ICache { } public sealed class Cache : ICache { }

            public class CacheController([FromKeyedServices("slow")] {|#0:ICache slow|}, {|#1:IClock clock|}) : ControllerBase { }

            static class Setup
            {
                static void Run(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddSingleton<ICache, Cache>();
                    services.AddKeyedSingleton<IClock, Clock>("utc");
                }
            }
            """)
            .Expect(PF6001(0, "ICache", "CacheController", " for the key \"slow\""), PF6001(1, "IClock", "CacheController"))
            .RunAsync();

    [Fact]
    public Task Registrations_in_project_extension_methods_count_and_generic_helpers_follow_their_calls() =>
        new Test(Usings + """
            public interface IMailer { }
            public sealed class Mailer({|#0:IOrderRepository orders|}) : IMailer { }

            public static class InfrastructureExtensions
            {
                public static IServiceCollection AddInfrastructure(this IServiceCollection services) =>
                    services.AddPersistence().AddService<IMailer, Mailer>();

                private static IServiceCollection AddPersistence(this IServiceCollection services)
                {
                    services.AddSingleton<IClock, Clock>();
                    return services;
                }

                public static IServiceCollection AddService<TService, TImplementation>(this IServiceCollection services)
                    where TService : class where TImplementation : class, TService =>
                    services.AddScoped<TService, TImplementation>();
            }

            public class MailController(IMailer mailer, IClock clock) : ControllerBase { }

            static class Setup
            {
                static void Run(IServiceCollection services) => services.AddControllers().Services.AddInfrastructure();
            }
            """)
            .Expect(PF6001(0, "IOrderRepository", "Mailer"))
            .RunAsync();

    [Fact]
    public Task Framework_types_defaults_sequences_and_ambiguous_constructors_are_fine() =>
        new Test(Usings + """
            public interface IPlugin { }

            public class InfoController(
                ILogger<InfoController> logger, ILoggerFactory loggers, IConfiguration configuration, IHostEnvironment environment,
                IHostApplicationLifetime lifetime, IServiceProvider provider, IServiceScopeFactory scopes, IHttpClientFactory clients,
                IHttpContextAccessor accessor, IEnumerable<IPlugin> plugins, {|#0:IPlugin plugin|}, IClock? clock = null, int retries = 3)
                : ControllerBase { }

            public class LegacyController : ControllerBase
            {
                public LegacyController() { }
                public LegacyController(IOrderRepository repository) { }
            }

            public abstract class BaseController(IOrderRepository repository) : ControllerBase { }

            [NonController]
            public class NotAController(IOrderRepository repository) { }

            static class Setup
            {
                static void Run(IServiceCollection services) => services.AddControllers();
            }
            """)
            .Expect(PF6001(0, "IPlugin", "InfoController"))
            .RunAsync();

    [Theory]
    [InlineData("services.Scan(scan => scan.FromAssemblyOf<Clock>().AddClasses().AsImplementedInterfaces());")]
    [InlineData("foreach (var type in typeof(Clock).Assembly.GetTypes()) { services.AddScoped(type); }")]
    [InlineData("services.AddScoped(Type.GetType(\"Repo\")!);")]
    [InlineData("services.AddMediatR(typeof(Clock).Assembly);")]
    [InlineData("services.AddModules(typeof(Clock).Assembly);")]
    public Task Scanning_or_reflection_anywhere_means_no_finding(string registration)
    {
        var test = new Test(Usings + """
            public class OrdersController(IOrderRepository repository) : ControllerBase { }

            static class Setup
            {
                static void Run(IServiceCollection services)
                {
                    services.AddControllers();
                    REGISTRATION
                }
            }
            """.Replace("REGISTRATION", registration));
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }

    [Fact]
    public Task Unresolved_registration_calls_may_register_their_type_arguments()
    {
        var test = new Test(Usings + """
            public sealed class AppDbContext { }

            public class OrdersController(AppDbContext db, {|#0:IOrderRepository repository|}) : ControllerBase { }

            static class Setup
            {
                static void Run(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddDbContext<AppDbContext>(options => options.UseNpgsql("Host=db"));
                }
            }
            """);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.Expect(PF6001(0, "IOrderRepository", "OrdersController")).RunAsync();
    }

    /// <summary>Calls that do not bind are found among the invalid operations, also inside a lambda given to another
    /// call that does not bind (a bus package the CLI did not restore).</summary>
    [Fact]
    public Task Unresolved_registration_calls_inside_unresolved_lambdas_may_register_their_type_arguments()
    {
        var test = new Test(Usings + """
            public sealed class OrderConsumer { }
            public sealed class InvoiceConsumer { }

            public class OrdersController(OrderConsumer orders, {|#0:InvoiceConsumer invoices|}) : ControllerBase { }

            static class Setup
            {
                static void Run(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddMessageBus(bus =>
                    {
                        bus.AddConsumer<OrderConsumer>();
                    });
                }
            }
            """);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.Expect(PF6001(0, "InvoiceConsumer", "OrdersController")).RunAsync();
    }

    /// <summary>Types listed by reflection (assembly.DefinedTypes / ExportedTypes, also through ?.) may be registered by
    /// the project's own loop: nothing is known to be missing. Named in a comment, they change nothing.</summary>
    [Theory]
    [InlineData("Registrar.Add(services, typeof(Setup).Assembly.DefinedTypes);", false)]
    [InlineData("Registrar.Add(services, typeof(Setup).Assembly?.ExportedTypes);", false)]
    [InlineData("// Registrar.Add(services, typeof(Setup).Assembly.DefinedTypes);", true)]
    public Task Types_listed_by_reflection_make_registrations_unknown(string scan, bool reported)
    {
        var test = new Test(Usings + $$"""
            public class OrdersController({|#0:IOrderRepository repository|}) : ControllerBase { }

            static class Registrar
            {
                public static void Add(IServiceCollection services, IEnumerable<Type>? types) { }
            }

            static class Setup
            {
                static void Run(IServiceCollection services)
                {
                    services.AddControllers();
                    {{scan}}
                }
            }
            """);
        if (reported)
        {
            test.Expect(PF6001(0, "IOrderRepository", "OrdersController"));
        }
        return test.RunAsync();
    }

    [Fact]
    public Task No_dependency_injection_at_all_means_no_finding() =>
        new Test(Usings + """
            public class OrdersController(IOrderRepository repository) : ControllerBase { }
            public sealed class Worker(IClock clock) { }
            """)
            .RunAsync();

    [Fact]
    public Task Class_libraries_are_not_checked() =>
        new Test(Usings + """
            public interface IOrderService { }
            public sealed class OrderService(IOrderRepository repository) : IOrderService { }

            public static class OrdersModule
            {
                public static IServiceCollection AddOrders(this IServiceCollection services) => services.AddScoped<IOrderService, OrderService>();
            }
            """, outputType: "Library")
            .RunAsync();
}
