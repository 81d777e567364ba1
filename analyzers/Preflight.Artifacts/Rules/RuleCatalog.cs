using System.Collections.Generic;

namespace Preflight.Artifacts.Rules;

/// <summary>
/// The one table of Preflight's rules. Ids, titles, messages, categories and severities are constants so that
/// the analyzers' <c>DiagnosticDescriptor</c>s (and their release tracking) and the MSBuild task read the same text.
/// </summary>
public static class RuleCatalog
{
    /// <summary>Where every rule's page is: the docs/rules folder of the package's project URL (PackageProjectUrl, the
    /// one place it is set).</summary>
    public const string HelpLinkBase = PackageInfo.ProjectUrl + "/blob/main/docs/rules/";

    public const string ConfigurationCategory = "Preflight.Configuration";
    public const string DockerfileCategory = "Preflight.Dockerfile";
    public const string ComposeCategory = "Preflight.Compose";
    public const string SecretsCategory = "Preflight.Secrets";
    public const string PlatformCategory = "Preflight.Platform";
    public const string WiringCategory = "Preflight.Wiring";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    public static class PF1001
    {
        public const string Id = "PF1001";
        public const string Title = "Configuration key is read but declared nowhere";
        public const string Message = "Configuration key '{0}' is read here but declared in none of: {1}";
        public const string Description =
            "The code reads a configuration key without a fallback, and no appsettings*.json of the project nor the " +
            "environment of the compose service that builds it provides the key. The service fails or misbehaves at " +
            "start when the key is missing.";
        public const string Category = ConfigurationCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF1002
    {
        public const string Id = "PF1002";
        public const string Title = "Environment variable is read but provided nowhere";
        public const string Message = "Environment variable '{0}' is read here but set in none of: {1}";
        public const string Description =
            "The code reads an environment variable without a fallback, and none of the places the deployment sets " +
            "environment variables provides it. The service fails or misbehaves at start when it is missing.";
        public const string Category = ConfigurationCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF1003
    {
        public const string Id = "PF1003";
        public const string Title = "Settings file is empty or not JSON";
        public const string Message = "'{0}' cannot be loaded by the .NET JSON configuration provider: {1}";
        public const string Description =
            "An appsettings*.json file that is empty, is not JSON, has a top-level value that is not an object, or " +
            "nests deeper than 64 levels makes the host throw at start. Comments and trailing commas are allowed, as " +
            ".NET allows them.";
        public const string Category = ConfigurationCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF2001
    {
        public const string Id = "PF2001";
        public const string Title = "COPY/ADD source is missing from the build context";
        public const string Message = "{0} source '{1}' does not exist in the build context '{2}'{3}";
        public const string Description =
            "A COPY or ADD source that is not a wildcard must exist in the Docker build context, otherwise the image " +
            "build fails with 'failed to compute cache key: \"/x\": not found'.";
        public const string Category = DockerfileCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF6004
    {
        public const string Id = "PF6004";
        public const string Title = "Source file is empty or declares nothing";
        public const string Message = "'{0}' {1}";
        public const string Description =
            "A source file that is empty or declares nothing is often a file whose content was lost (a bad merge, a " +
            "truncated save). Code that expects its types fails to build or, in dynamic languages, fails at import " +
            "in production.";
        public const string Category = WiringCategory;
        public const RuleSeverity Severity = RuleSeverity.Warning;
    }

    public static class PF6001
    {
        public const string Id = "PF6001";
        public const string Title = "Dependency is never registered";
        public const string Message =
            "'{0}' is required by '{1}' but no registration of this project provides it{2} (looked for " +
            "Add*/TryAdd*/AddKeyed*, ServiceDescriptor and the project's extension methods)";
        public const string Description =
            "A constructor parameter of a controller, Razor Page model, SignalR hub, middleware, hosted service or " +
            "registered implementation (or an extra parameter of a middleware's Invoke/InvokeAsync) has a type " +
            "declared in this project that no service registration provides. The container throws 'Unable to resolve " +
            "service for type' when the consumer is first activated: at start for hosted services, on the first " +
            "request for the others. A whole-compilation rule: it fails 'dotnet build', but the IDE shows it only " +
            "with full solution analysis.";
        public const string Category = WiringCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF6002
    {
        public const string Id = "PF6002";
        public const string Title = "Registered service member is not implemented";
        public const string Message =
            "{0} '{1}' of '{2}' throws NotImplementedException, but '{2}' is {3}; calling it fails at run time";
        public const string Description =
            "A member of a type that the service container builds (a registered implementation, hosted service or " +
            "typed HTTP client) or of a controller only throws NotImplementedException: a stub that was deployed. " +
            "The call fails in production with 'The method or operation is not implemented'. A whole-compilation " +
            "rule: it fails 'dotnet build', but the IDE shows it only with full solution analysis.";
        public const string Category = WiringCategory;
        public const RuleSeverity Severity = RuleSeverity.Warning;
    }

    public static class PF6003
    {
        public const string Id = "PF6003";
        public const string Title = "Type name resolves to no type";
        public const string Message = "Type '{0}' does not exist in {1}; {2} will not find it at run time";
        public const string Description = "A constant type name passed to Type.GetType, " +
            "Activator.CreateInstance(assemblyName, typeName) or Assembly.GetType names no type of this project or " +
            "of the assembly it points at. The call returns null (or throws) at run time, typically at start where " +
            "plugins, handlers or serializers are wired by name.";
        public const string Category = WiringCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF1004
    {
        public const string Id = "PF1004";
        public const string Title = "Secret value is committed";
        public const string Message = "Secret value committed: {0} '{1}' in '{2}'; remove it, rotate it (it stays in " +
            "the git history) and provide it at deploy time from a secret store or the environment";
        public const string Description =
            "A literal secret (a token of a high-confidence format such as GitHub, AWS, Slack, Stripe, OpenAI, " +
            "Anthropic or Pulumi, a private key block, or the password of a connection string or URL) is written in " +
            "appsettings*.json, a non-example .env file, a compose file, a Dockerfile, a Kubernetes manifest (Secret " +
            "data is base64-decoded; Helm chart templates are skipped) or a private key file (id_rsa, *.pem, *.key). " +
            "Placeholders such as ${VAR}, {{ x }}, <...> or changeme are fine, and so is local set-up: a password to " +
            "localhost or to a service of the repository's compose files outside production artifacts. The value is " +
            "never printed: only its kind and the format's fixed prefix.";
        public const string Category = SecretsCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF1005
    {
        public const string Id = "PF1005";
        public const string Title = "preflight.yaml is malformed or has an unknown key";
        public const string Message = "'{0}' is not valid: {1}";
        public const string Description =
            "preflight.yaml is not valid YAML, has a key the schema does not know (often a typo: the nearest allowed " +
            "key is suggested) or a value of the wrong shape. What it fails to declare is then missing for every " +
            "rule that reads it.";
        public const string Category = ConfigurationCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF4001
    {
        public const string Id = "PF4001";
        public const string Title = "Workflow uses a secret that preflight.yaml does not declare";
        public const string Message =
            "Secret '{0}' is used by workflow '{1}' but not declared in '{2}' (secrets:){3}; an unset secret is " +
            "silently an empty string at run time";
        public const string Description = "A GitHub Actions workflow reads secrets.X (other than the built-in " +
            "GITHUB_TOKEN, and other than a secret the reusable workflow declares in on.workflow_call.secrets) that " +
            "the repository's preflight.yaml does not list under secrets:. GitHub evaluates an unset secret to an " +
            "empty string, so the deploy fails later with an unrelated error. Reported only when a preflight.yaml " +
            "exists.";
        public const string Category = SecretsCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF4002
    {
        public const string Id = "PF4002";
        public const string Title = "Declared secrets or variables are missing from the build environment";
        public const string Message = "Missing or empty in this build's environment{0}: {1} (declared in '{2}'); set " +
            "them in the CI secret store or environment before deploying";
        public const string Description = "Readiness check, opt-in for CI with -p:PreflightCheckEnvironment=true " +
            "(and optionally -p:PreflightEnvironment=<name> to select the entries whose environments: include it): " +
            "every secret and variable preflight.yaml declares must be present and non-empty in the environment of " +
            "the build. One message lists every missing name; values are never printed.";
        public const string Category = SecretsCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF5001
    {
        public const string Id = "PF5001";
        public const string Title = "Kubernetes reference names a Secret or ConfigMap defined nowhere";
        public const string Message = "{0} is referenced here ({1}) but {2}; looked in {3}";
        public const string Description = "A workload's secretKeyRef, configMapKeyRef, envFrom, " +
            "secret/configMap/projected volume or imagePullSecrets names a Secret or ConfigMap that no manifest of " +
            "the repository defines (Secret, ConfigMap, SealedSecret, ExternalSecret, kustomize generators, " +
            "cert-manager Certificate, CSI SecretProviderClass, Vault and 1Password operator resources count) and " +
            "that preflight.yaml does not declare under external.kubernetes; or a key that a repository definition " +
            "with a known set of keys does not have. The pod stays in CreateContainerConfigError (or " +
            "ContainerCreating) and the rollout never finishes. References marked optional: true and Helm templates " +
            "are not checked.";
        public const string Category = PlatformCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF5002
    {
        public const string Id = "PF5002";
        public const string Title = "Probe path is mapped by no route";
        public const string Message = "HTTP probe path '{0}' ({1}) matches no route of the app; the app maps: {2}";
        public const string Description =
            "A Kubernetes httpGet probe of a container that runs this project, the healthcheck of a compose service " +
            "that builds it, or the HEALTHCHECK of its Dockerfile requests a path that no route of the app maps " +
            "(MapGet/Map*/MapHealthChecks, MapGroup prefixes, UsePathBase, attribute-routed controllers). The probe " +
            "gets 404: the container is restarted in a loop or never becomes ready. Apps whose routes cannot be " +
            "known (conventional routes, fallbacks, branches, patterns built at run time) are not checked. A " +
            "whole-compilation rule: it fails 'dotnet build', but the IDE shows it only with full solution analysis.";
        public const string Category = PlatformCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF5003
    {
        public const string Id = "PF5003";
        public const string Title = "Repository policy from preflight.yaml is violated";
        public const string Message = "Policy '{0}' of preflight.yaml is violated: {1}";
        public const string Description = "A policy under preflight.yaml 'policies:' requires a path (require:) on " +
            "every object of its kind in the files it names, or forbids files (forbid:). An object without the " +
            "required path, or a file matching a forbidden glob, violates the team's own deployment rule.";
        public const string Category = PlatformCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF5004
    {
        public const string Id = "PF5004";
        public const string Title = "Platform file names a path that does not exist";
        public const string Message = "vercel.json {0} '{1}' {2} (relative to '{3}')";
        public const string Description =
            "A key of vercel.json 'functions' is a glob of serverless function files and a 'builds' entry's 'src' a " +
            "path or glob of sources; when nothing in the repository matches, the deployment fails ('The pattern ... " +
            "defined in functions doesn't match any Serverless Functions') or silently deploys nothing.";
        public const string Category = PlatformCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF5005
    {
        public const string Id = "PF5005";
        public const string Title = "Container port differs from the port the app listens on";
        public const string Message = "{0} uses container port {1}, but the app listens on {2} ({3})";
        public const string Description =
            "A port published by compose (ports, container side; expose), a Kubernetes containerPort or httpGet " +
            "probe port, or a Dockerfile EXPOSE differs from the port the ASP.NET Core app listens on in that " +
            "container: Kestrel endpoints of appsettings.json, UseUrls in code, ASPNETCORE_URLS / " +
            "ASPNETCORE_HTTP_PORTS of the deployment or the Dockerfile, else the image default (8080 for .NET 8 and " +
            "later, 80 before). Traffic and probes reach a closed port. When the listening port cannot be known " +
            "nothing is reported.";
        public const string Category = PlatformCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF2006
    {
        public const string Id = "PF2006";
        public const string Title = "Dockerfile variable is used but not declared";
        public const string Message = "'${0}' is used in {1} but no ARG or ENV declares it in {2}{3}";
        public const string Description =
            "A variable that BuildKit expands in a Dockerfile instruction (FROM, COPY, ADD, ENV, ARG, WORKDIR, USER, " +
            "EXPOSE, LABEL, STOPSIGNAL, VOLUME) is declared by no ARG or ENV in scope, so it expands to an empty " +
            "string: global ARGs are visible only in FROM unless redeclared inside the stage, and ENV/ARG apply from " +
            "their line on. Shell commands (RUN, CMD, ENTRYPOINT) and references with a default (${X:-y}) are not " +
            "checked.";
        public const string Category = DockerfileCategory;
        public const RuleSeverity Severity = RuleSeverity.Warning;
    }

    public static class PF2007
    {
        public const string Id = "PF2007";
        public const string Title = "ARG or ENV name says it holds a secret";
        public const string Message = "{0} '{1}' looks like a secret: {0} values are kept in the image history and " +
            "metadata; pass it with a secret mount (RUN --mount=type=secret,id={1}) instead";
        public const string Description = "An ARG or ENV whose name contains apikey, auth, credential(s), key, " +
            "password, pword, passwd, secret or token as a word (BuildKit's SecretsUsedInArgOrEnv check) leaks its " +
            "value into the image: anyone who can pull the image can read it with docker history or docker inspect.";
        public const string Category = DockerfileCategory;
        public const RuleSeverity Severity = RuleSeverity.Warning;
    }

    public static class PF2008
    {
        public const string Id = "PF2008";
        public const string Title = "Dockerfile syntax error";
        public const string Message = "Dockerfile syntax error: {0}";
        public const string Description =
            "BuildKit rejects the Dockerfile before building anything: unknown instruction, unknown or malformed " +
            "flag, missing arguments, unterminated heredoc, an escape character that continues no instruction at the " +
            "end of the file, a FROM that is not first, an invalid stage name or parser directive.";
        public const string Category = DockerfileCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF2002
    {
        public const string Id = "PF2002";
        public const string Title = "--from names no earlier stage and no image";
        public const string Message =
            "'{0}' names no stage defined before this instruction and is not an image reference{1}";
        public const string Description =
            "COPY --from and RUN --mount=from take an earlier stage (its name, case-insensitive, or its index) or an " +
            "image reference. A bare word that is no earlier stage (a typo, or a stage defined later) is looked up " +
            "as an image on Docker Hub and the build fails with 'pull access denied' or copies from the wrong place. " +
            "Write an image with its tag, digest or registry path.";
        public const string Category = DockerfileCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF2003
    {
        public const string Id = "PF2003";
        public const string Title = "ENTRYPOINT/CMD runs something the image does not contain";
        public const string Message = "'{0}' is not in the image: {1}";
        public const string Description = "The final stage's ENTRYPOINT or CMD runs a .NET assembly, a Python module " +
            "or file, a Node file or a script that the image does not contain at the place the command looks " +
            "(WORKDIR, PYTHONPATH), after the COPY instructions and dotnet publish outputs are followed. Docker " +
            "checks nothing before the container starts; it then fails with 'The application X.dll does not exist', " +
            "'No module named src' or 'no such file or directory'.";
        public const string Category = DockerfileCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF2004
    {
        public const string Id = "PF2004";
        public const string Title = "dotnet restore runs before the files it needs are copied";
        public const string Message = "'dotnet restore' of '{0}' runs before these files it needs are copied into " +
            "the image: {1}";
        public const string Description = "A RUN dotnet restore runs before the project's ProjectReferences, or the " +
            "Directory.Build.props, Directory.Packages.props, NuGet.config or global.json (with msbuild-sdks) that " +
            "its build imports, have been copied into the stage. Restore then skips the missing projects, uses the " +
            "wrong package versions or sources, or fails; the later build fails or silently differs from the local " +
            "one.";
        public const string Category = DockerfileCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF2005
    {
        public const string Id = "PF2005";
        public const string Title = "Runtime image is older than the project's target framework";
        public const string Message = "Runtime image '{0}' has .NET {1}, but '{2}' targets {3}; the app will not " +
            "start (use tag {4} or later)";
        public const string Description = "The final stage runs on mcr.microsoft.com/dotnet/aspnet, runtime or " +
            "runtime-deps with a version older than the TargetFramework of the project the Dockerfile publishes. The " +
            "container fails at start with 'You must install or update .NET to run this application'.";
        public const string Category = DockerfileCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF3001
    {
        public const string Id = "PF3001";
        public const string Title = "Compose file names a path that does not exist";
        public const string Message = "{0} '{1}' of {2} does not exist{3}";
        public const string Description =
            "A compose build context, dockerfile, env_file (unless 'required: false') or bind-mount source that does " +
            "not exist makes 'docker compose build/up' fail: 'unable to prepare context: path ... not found', 'env " +
            "file ... not found', or an empty folder created and mounted in place of the expected data. Relative " +
            "paths resolve from the compose file's folder (the project directory). Host bind sources (absolute paths " +
            "such as /var/run/docker.sock, ~ and paths outside the repository) are not checked: the analysing " +
            "machine is not the host.";
        public const string Category = ComposeCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF3002
    {
        public const string Id = "PF3002";
        public const string Title = "Compose variable has no value and no default";
        public const string Message =
            "Variable '{0}' has no default and is set neither in {1} nor in preflight.yaml (secrets:/variables:); " +
            "compose will substitute an empty string";
        public const string Description =
            "A ${VAR} or $VAR in a compose value without a default (${VAR:-default}) that the project .env does not " +
            "set, its example env file (.env.example, .env.sample, .env.template, .env.dist beside the compose file " +
            "or at the repository root) does not document and preflight.yaml does not declare as provided at deploy " +
            "time. Compose warns 'The \"VAR\" variable is not set. Defaulting to a blank string.' and starts the " +
            "service with an empty value.";
        public const string Category = ComposeCategory;
        public const RuleSeverity Severity = RuleSeverity.Warning;
    }

    public static class PF3003
    {
        public const string Id = "PF3003";
        public const string Title = "Compose service lacks a variable its image requires";
        public const string Message = "Service '{0}' (image {1}) {2}";
        public const string Description = "The image of a compose service (built-in catalogue of well-known images, " +
            "extended by preflight.yaml images:) needs variables to start: a database image without its password, a " +
            "server that needs a EULA accepted. Without them the container exits at first start. Services under " +
            "profiles are checked too.";
        public const string Category = ComposeCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF3004
    {
        public const string Id = "PF3004";
        public const string Title = "Persistent path has no volume";
        public const string Message =
            "Service '{0}' (image {1}) keeps its data at {2}='{3}' but no volume is mounted at or above that path; " +
            "the data is lost when the container is recreated";
        public const string Description = "A variable that the catalogue or preflight.yaml marks 'persist' holds the " +
            "path where the image keeps its data. Without a volume at or above that path, every container " +
            "re-creation (deploy, image update) starts from empty data.";
        public const string Category = ComposeCategory;
        public const RuleSeverity Severity = RuleSeverity.Warning;
    }

    public static class PF3005
    {
        public const string Id = "PF3005";
        public const string Title = "Compose reference names nothing defined";
        public const string Message = "{0}";
        public const string Description = "depends_on, links, extends, volumes_from, named volumes, networks, " +
            "secrets and configs must name a service or top-level definition of the project; depends_on, extends and " +
            "include must not form a cycle; a service of an overlay file (docker-compose.prod.yml) that no base file " +
            "of its folder defines needs an image or a build. Compose refuses to load such a project ('service X " +
            "depends on undefined service Y', 'dependency cycle detected').";
        public const string Category = ComposeCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF3006
    {
        public const string Id = "PF3006";
        public const string Title = "Compose file is not valid YAML or does not match the compose schema";
        public const string Message = "{0}";
        public const string Description =
            "A compose file that is not valid YAML, has an unknown top-level or service key, or gives a key a value " +
            "of the wrong type (a string where a list or mapping is required) is rejected by 'docker compose' before " +
            "anything starts.";
        public const string Category = ComposeCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF3007
    {
        public const string Id = "PF3007";
        public const string Title = "depends_on waits for a healthy service that has no healthcheck";
        public const string Message = "Service '{0}' waits for '{1}' to be healthy (condition: service_healthy), but " +
            "'{1}' {2}; compose refuses to start '{0}'";
        public const string Description =
            "A depends_on entry with condition: service_healthy names a service that has no healthcheck (in the " +
            "service, its overrides or its extends) and whose image has no HEALTHCHECK either, or a service whose " +
            "healthcheck is disabled. 'docker compose up' fails with 'dependency failed to start: container ... has " +
            "no healthcheck configured'. Images that may bring their own HEALTHCHECK are not reported.";
        public const string Category = ComposeCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF5006
    {
        public const string Id = "PF5006";
        public const string Title = "kustomization names a file or folder that does not exist";
        public const string Message =
            "kustomization {0} '{1}' does not exist (looked for {2}); kustomize build fails and nothing is deployed";
        public const string Description = "A kustomization.yaml names in resources, bases, components, " +
            "patchesStrategicMerge, patches/patchesJson6902 path, or the files/envs of a configMapGenerator or " +
            "secretGenerator a local file or folder that does not exist, relative to the kustomization's folder. " +
            "'kustomize build' and 'kubectl apply -k' (and Argo CD, Flux) fail with 'no such file or directory'. " +
            "Remote references (URLs, github.com/...?ref=) are not checked.";
        public const string Category = PlatformCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF3008
    {
        public const string Id = "PF3008";
        public const string Title = "Containerized service connects to localhost";
        public const string Message =
            "'{0}' points at '{1}', but {2} runs this app in a container, where '{1}' is the container itself{3}";
        public const string Description =
            "A compose service that builds this project runs it in a container whose effective configuration " +
            "(appsettings.json, appsettings.{environment}.json, the Dockerfile's ENV, the service's env_file and " +
            "environment) sets a connection string or a database/broker URL to localhost or 127.0.0.1. Inside the " +
            "container that is the container itself: the app cannot reach the database. The same for a Kubernetes " +
            "container whose env or envFrom ConfigMap sets such a value. Values the deployment overrides, HTTP URLs, " +
            "network_mode: host, hostNetwork and pods with a sidecar are not reported.";
        public const string Category = ComposeCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    public static class PF6005
    {
        public const string Id = "PF6005";
        public const string Title = "Python import names a module or name the repository does not have";
        public const string Message = "'{0}' cannot be imported: {1}";
        public const string Description =
            "A Python import that resolves inside the repository to a module that is missing, empty, or does not " +
            "define the imported name fails with ImportError or ModuleNotFoundError when the service starts, long " +
            "after the build.";
        public const string Category = WiringCategory;
        public const RuleSeverity Severity = RuleSeverity.Error;
    }

    /// <summary>Every rule, by id.</summary>
    public static IReadOnlyDictionary<string, RuleInfo> All { get; } = new Dictionary<string, RuleInfo>
    {
        [PF1001.Id] = new RuleInfo(
            PF1001.Id, PF1001.Title, PF1001.Message, PF1001.Category, PF1001.Severity, PF1001.Description),
        [PF1002.Id] = new RuleInfo(
            PF1002.Id, PF1002.Title, PF1002.Message, PF1002.Category, PF1002.Severity, PF1002.Description),
        [PF1003.Id] = new RuleInfo(
            PF1003.Id, PF1003.Title, PF1003.Message, PF1003.Category, PF1003.Severity, PF1003.Description),
        [PF2001.Id] = new RuleInfo(
            PF2001.Id, PF2001.Title, PF2001.Message, PF2001.Category, PF2001.Severity, PF2001.Description),
        [PF6004.Id] = new RuleInfo(
            PF6004.Id, PF6004.Title, PF6004.Message, PF6004.Category, PF6004.Severity, PF6004.Description),
        [PF6001.Id] = new RuleInfo(
            PF6001.Id, PF6001.Title, PF6001.Message, PF6001.Category, PF6001.Severity, PF6001.Description),
        [PF6002.Id] = new RuleInfo(
            PF6002.Id, PF6002.Title, PF6002.Message, PF6002.Category, PF6002.Severity, PF6002.Description),
        [PF6003.Id] = new RuleInfo(
            PF6003.Id, PF6003.Title, PF6003.Message, PF6003.Category, PF6003.Severity, PF6003.Description),
        [PF1004.Id] = new RuleInfo(
            PF1004.Id, PF1004.Title, PF1004.Message, PF1004.Category, PF1004.Severity, PF1004.Description),
        [PF1005.Id] = new RuleInfo(
            PF1005.Id, PF1005.Title, PF1005.Message, PF1005.Category, PF1005.Severity, PF1005.Description),
        [PF4001.Id] = new RuleInfo(
            PF4001.Id, PF4001.Title, PF4001.Message, PF4001.Category, PF4001.Severity, PF4001.Description),
        [PF4002.Id] = new RuleInfo(
            PF4002.Id, PF4002.Title, PF4002.Message, PF4002.Category, PF4002.Severity, PF4002.Description),
        [PF5001.Id] = new RuleInfo(
            PF5001.Id, PF5001.Title, PF5001.Message, PF5001.Category, PF5001.Severity, PF5001.Description),
        [PF5003.Id] = new RuleInfo(
            PF5003.Id, PF5003.Title, PF5003.Message, PF5003.Category, PF5003.Severity, PF5003.Description),
        [PF5004.Id] = new RuleInfo(
            PF5004.Id, PF5004.Title, PF5004.Message, PF5004.Category, PF5004.Severity, PF5004.Description),
        [PF5002.Id] = new RuleInfo(
            PF5002.Id, PF5002.Title, PF5002.Message, PF5002.Category, PF5002.Severity, PF5002.Description),
        [PF5005.Id] = new RuleInfo(
            PF5005.Id, PF5005.Title, PF5005.Message, PF5005.Category, PF5005.Severity, PF5005.Description),
        [PF2006.Id] = new RuleInfo(
            PF2006.Id, PF2006.Title, PF2006.Message, PF2006.Category, PF2006.Severity, PF2006.Description),
        [PF2007.Id] = new RuleInfo(
            PF2007.Id, PF2007.Title, PF2007.Message, PF2007.Category, PF2007.Severity, PF2007.Description),
        [PF2008.Id] = new RuleInfo(
            PF2008.Id, PF2008.Title, PF2008.Message, PF2008.Category, PF2008.Severity, PF2008.Description),
        [PF2002.Id] = new RuleInfo(
            PF2002.Id, PF2002.Title, PF2002.Message, PF2002.Category, PF2002.Severity, PF2002.Description),
        [PF2003.Id] = new RuleInfo(
            PF2003.Id, PF2003.Title, PF2003.Message, PF2003.Category, PF2003.Severity, PF2003.Description),
        [PF2004.Id] = new RuleInfo(
            PF2004.Id, PF2004.Title, PF2004.Message, PF2004.Category, PF2004.Severity, PF2004.Description),
        [PF2005.Id] = new RuleInfo(
            PF2005.Id, PF2005.Title, PF2005.Message, PF2005.Category, PF2005.Severity, PF2005.Description),
        [PF3001.Id] = new RuleInfo(
            PF3001.Id, PF3001.Title, PF3001.Message, PF3001.Category, PF3001.Severity, PF3001.Description),
        [PF3002.Id] = new RuleInfo(
            PF3002.Id, PF3002.Title, PF3002.Message, PF3002.Category, PF3002.Severity, PF3002.Description),
        [PF3003.Id] = new RuleInfo(
            PF3003.Id, PF3003.Title, PF3003.Message, PF3003.Category, PF3003.Severity, PF3003.Description),
        [PF3004.Id] = new RuleInfo(
            PF3004.Id, PF3004.Title, PF3004.Message, PF3004.Category, PF3004.Severity, PF3004.Description),
        [PF3005.Id] = new RuleInfo(
            PF3005.Id, PF3005.Title, PF3005.Message, PF3005.Category, PF3005.Severity, PF3005.Description),
        [PF3006.Id] = new RuleInfo(
            PF3006.Id, PF3006.Title, PF3006.Message, PF3006.Category, PF3006.Severity, PF3006.Description),
        [PF6005.Id] = new RuleInfo(
            PF6005.Id, PF6005.Title, PF6005.Message, PF6005.Category, PF6005.Severity, PF6005.Description),
        [PF3007.Id] = new RuleInfo(
            PF3007.Id, PF3007.Title, PF3007.Message, PF3007.Category, PF3007.Severity, PF3007.Description),
        [PF5006.Id] = new RuleInfo(
            PF5006.Id, PF5006.Title, PF5006.Message, PF5006.Category, PF5006.Severity, PF5006.Description),
        [PF3008.Id] = new RuleInfo(
            PF3008.Id, PF3008.Title, PF3008.Message, PF3008.Category, PF3008.Severity, PF3008.Description),
    };
}
