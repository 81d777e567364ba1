#!/usr/bin/env python3
"""Judges the baseline findings with per-repository matchers written after reading each repository's files.
Usage: judge.py <results-dir>   -> writes <results-dir>/judgements.tsv and prints per-rule summary + unjudged."""
import json, re, sys, collections, os

# verdicts: T true defect, H true but harmless, F false
# (repo, rule, file-regex, message-regex, verdict, pattern-id)
J = []
def j(repo, rule, file, msg, verdict, pattern):
    J.append((repo, rule, re.compile(file), re.compile(msg), verdict, pattern))

# ---------------- dotnet/eShop
j('dotnet+eShop', 'PF1001', r'Identity.API/Configuration/Config.cs', r"'(WebAppClient|WebhooksWebClient|BasketApiClient|OrderingApiClient|WebhooksApiClient)'", 'F', 'PF1001-aspire-withenvironment')
j('dotnet+eShop', 'PF6004', r'wwwroot/.*\.min\.js$', r'', 'F', 'PF6004-minified-asset')
# ---------------- dotnet/aspire-samples
j('dotnet+aspire-samples', 'PF1001', r'MetricsApp/ClientApi.cs', r"'GRAFANA_URL'", 'F', 'PF1001-aspire-withenvironment')
j('dotnet+aspire-samples', 'PF1001', r'AspireShop.Frontend/Program.cs', r"'DOTNET_LAUNCH_PROFILE'", 'F', 'PF1001-null-tolerant-comparison')
j('dotnet+aspire-samples', 'PF6004', r'wwwroot/.*\.min\.js$', r'', 'F', 'PF6004-minified-asset')
# ---------------- eShopOnContainers
E = 'dotnet-architecture+eShopOnContainers'
j(E, 'PF2001', r'(Mobile|Web)\.Bff\.Shopping/aggregator/Dockerfile\.develop|Ordering\.SignalrHub/Dockerfile\.develop', r'', 'F', 'PF2001-guessed-context')
j(E, 'PF2001', r'Dockerfile\.develop$', r'', 'H', 'PF2001-dead-devspaces')
j(E, 'PF5005', r'Catalog.API/Dockerfile', r'443', 'F', 'PF5005-template-expose-443')
j(E, 'PF1001', r'', r"'Vault:", 'F', 'PF1001-guarded-by-flag')
j(E, 'PF1001', r'', r"'(SignalrStoreConnectionString|DPConnectionString)'", 'F', 'PF1001-guarded-by-flag')
j(E, 'PF1001', r'', r"'(IsClusterEnv|ValidateToken)'", 'F', 'PF1001-null-tolerant-comparison')
j(E, 'PF1001', r'Identity.API/Configuration/Config.cs', r"'Mvc'", 'F', 'PF1001-interpolated-optional')
j(E, 'PF1004', r'', r'password in connection string', 'F', 'PF1004-local-dev-credentials')
j(E, 'PF3002', r'', r"'ORCHESTRATOR_TYPE'", 'H', 'PF3002-unset-optional-flag')
j(E, 'PF3002', r'', r"'(INSTRUMENTATION_KEY|ESHOP_SERVICE_BUS_USERNAME|ESHOP_SERVICE_BUS_PASSWORD|ESHOP_AZURE_STORAGE_CATALOG_NAME|ESHOP_AZURE_STORAGE_CATALOG_KEY)'", 'F', 'PF3002-documented-commented-in-env')
j(E, 'PF6004', r'wwwroot/.*\.min\.js$', r'', 'F', 'PF6004-minified-asset')
# ---------------- eShopOnWeb
W = 'dotnet-architecture+eShopOnWeb'
j(W, 'PF1004', r'appsettings\.Docker\.json', r'', 'F', 'PF1004-local-dev-credentials')
j(W, 'PF6004', r'wwwroot/.*\.min\.js$', r'', 'F', 'PF6004-minified-asset')
j(W, 'PF6004', r'AuthenticateEndpoint\.cs', r'declares nothing', 'H', 'PF6004-commented-out-file')
# ---------------- dotnet/tye
T = 'dotnet+tye'
j(T, 'PF2008', r'dockerfile\.yaml$', r'', 'F', 'PF2008-yaml-named-dockerfile')
j(T, 'PF1001', r'', r"'App:Value'", 'F', 'PF1001-interpolated-optional')
j(T, 'PF1001', r'samples/dockercompose/', r'ConnectionStrings', 'T', 'PF1001-true-missing-connection-string')
j(T, 'PF1001', r'', r'ConnectionStrings', 'F', 'PF1001-tye-yaml-bindings')
j(T, 'PF3001', r'samples/dockercompose/docker-compose.yaml', r'dockerfile', 'H', 'PF3001-tye-compose-input')
j(T, 'PF2003', r'single-phase-dockerfile-multi-args/', r'', 'H', 'PF2003-true-wrong-dll-test-asset')
j(T, 'PF2003', r'(src/tye-diag-agent|single-phase-dockerfile(-args(-duplicates)?)?)/Dockerfile$', r'', 'F', 'PF2003-publish-output-context')
j(T, 'PF2005', r'src/tye-diag-agent/Dockerfile', r'', 'T', 'PF2005-true-old-runtime')
j(T, 'PF2005', r'testassets', r'', 'H', 'PF2005-true-test-asset')


# ---------------- bitwarden/server
B = 'bitwarden+server'
j(B, 'PF2001', r'Dockerfile$', r'', 'F', 'PF2001-guessed-context')
j(B, 'PF3001', r'', r"bind-mount source '[^']*(\.data|helpers)/", 'F', 'PF3001-bind-mount-dir-created')  # bitwarden: gone since PF3001 reads the dev container's initializeCommand mkdir
j(B, 'PF3001', r'dev/docker-compose.yml', r"'\./(authsources\.php|reverse-proxy\.conf)'", 'F', 'PF3001-file-from-example')
j(B, 'PF3003', r'(dev/docker-compose.yml|.devcontainer/bitwarden_common/docker-compose.yml)$', r"'(mssql|postgres|mysql|bitwarden_mssql)'", 'F', 'PF3003-value-from-env-example')
j(B, 'PF3002', r'dev/docker-compose.yml', r'', 'F', 'PF3002-documented-in-env-example')
j(B, 'PF6004', r'\.cs$', r'is empty', 'H', 'PF6004-empty-cs-file')

# ---------------- kgrzybek/modular-monolith-with-ddd
K = 'kgrzybek+modular-monolith-with-ddd'
j(K, 'PF1004', r'docker-compose.yml', r'', 'F', 'PF1004-local-dev-credentials')
j(K, 'PF2007', r'src/Database/Dockerfile', r'SA_PASSWORD', 'H', 'PF2007-dev-db-image-password')
j(K, 'PF5005', r'src/Dockerfile', r'', 'H', 'PF5005-stale-expose')

# ---------------- mehdihadeli/food-delivery-microservices
M = 'mehdihadeli+food-delivery-microservices'
j(M, 'PF2001', r'Dockerfile', r'', 'F', 'PF2001-guessed-context')
j(M, 'PF3001', r'docker-compose.override.yaml', r"dockerfile '[^']*dev\.Dockerfile'", 'T', 'PF3001-true-renamed-dockerfile')
j(M, 'PF3001', r'', r"env_file '\./\.env\.customers'", 'T', 'PF3001-true-env-sample-typo')
j(M, 'PF3001', r'', r"env_file '\./\.env(\.catalogs|\.identity)?'", 'F', 'PF3001-file-from-example')
j(M, 'PF3001', r'', r"'/var/run/docker\.sock'", 'F', 'PF3001-host-path')
j(M, 'PF3001', r'', r"'\./portainer-data'", 'F', 'PF3001-bind-mount-dir-created')  # bitwarden: gone since PF3001 reads the dev container's initializeCommand mkdir
j(M, 'PF3001', r'', r"'\./monitoring/prometheus\.yml'", 'T', 'PF3001-true-missing-config-file')
j(M, 'PF3002', r'', r"'(POSTGRES_USER|POSTGRES_PASSWORD)'", 'F', 'PF3002-documented-in-env-example')
j(M, 'PF3002', r'', r"'(MONGO_USER|MONGO_PASS|MONGO_PORT)'", 'T', 'PF3002-true-undocumented-variable')
j(M, 'PF3003', r'', r"'postgres'", 'F', 'PF3003-value-from-env-example')
j(M, 'PF1001', r'Bff', r"'Clients:(Catalogs|Customers)Client'", 'T', 'PF1001-true-key-mismatch')
j(M, 'PF6004', r'\.cs$', r'declares nothing', 'H', 'PF6004-namespace-only-file')

# ---------------- oskardudycz/EventSourcing.NetCore
O = 'oskardudycz+EventSourcing.NetCore'
j(O, 'PF1004', r'appsettings\.Production\.json', r'', 'H', 'PF1004-production-file-to-sample-compose-db')
j(O, 'PF1004', r'appsettings', r'', 'F', 'PF1004-local-dev-credentials')
j(O, 'PF2002', r'Helpdesk', r"'root'", 'F', 'PF2002-named-build-context')
j(O, 'PF6004', r'\.cs$', r'declares nothing', 'H', 'PF6004-namespace-only-file')

# ---------------- ThreeMammals/Ocelot
OC = 'ThreeMammals+Ocelot'
j(OC, 'PF2001', r'manual/Dockerfile', r'', 'T', 'PF2001-true-compose-context-wrong')
j(OC, 'PF2001', r'samples/Kubernetes/', r'', 'T', 'PF2001-true-renamed-csproj')
j(OC, 'PF2007', r'Dockerfile\.(build|release)', r'OCELOT_', 'T', 'PF2007-true-token-in-env')
j(OC, 'PF2007', r'', r'Certificates__Default__Password', 'F', 'PF2007-empty-value')
j(OC, 'PF1002', r'', r"'OCELOT_CERTIFICATE", 'F', 'PF1002-null-handled')
j(OC, 'PF1002', r'', r"'GITHUB_ACTIONS'", 'F', 'PF1002-null-tolerant-comparison')
j(OC, 'PF6004', r'GlobalSuppressions', r'', 'H', 'PF6004-namespace-only-file')
j(OC, 'PF6003', r'testing/Ocelot.cs', r'', 'F', 'PF6003-dynamically-loaded-assembly')
j(OC, 'PF5005', r'samples/Kubernetes/', r'', 'H', 'PF5005-stale-expose')

# ---------------- aspnetrun/run-aspnetcore-microservices
A = 'aspnetrun+run-aspnetcore-microservices'
j(A, 'PF2004', r'Basket.API/Dockerfile', r'', 'H', 'PF2004-build-restores-again')
j(A, 'PF2001', r'Dockerfile\.original', r'', 'F', 'PF2001-guessed-context')
j(A, 'PF5005', r'Dockerfile\.original', r'8081', 'F', 'PF5005-template-expose-https-port')
j(A, 'PF3002', r'', r"'APPDATA'", 'F', 'PF3002-os-provided-variable')
j(A, 'PF1004', r'(Ordering.API/appsettings.json|src/docker-compose.override.yml)$', r'', 'F', 'PF1004-local-dev-credentials')

# ---------------- thangchung/practical-dapr
P = 'thangchung+practical-dapr'
j(P, 'PF3001', r'', r"'/var/run/docker\.sock'", 'F', 'PF3001-host-path')
j(P, 'PF1004', r'appsettings.json$', r'', 'F', 'PF1004-local-dev-credentials')

# ---------------- vietnam-devs/coolstore-microservices
C = 'vietnam-devs+coolstore-microservices'
j(C, 'PF2001', r'docker-volume/Dockerfile', r'', 'T', 'PF2001-true-source-deleted')
j(C, 'PF2001', r'src/dotnet/api-gateway/Dockerfile', r'', 'T', 'PF2001-true-compose-context-wrong')
j(C, 'PF2001', r'(envoy-proxy|mssqldb|mysqldb|src/bak/web|identity-server)/Dockerfile$', r'', 'F', 'PF2001-guessed-context')
j(C, 'PF3001', r'src/go/.devcontainer', r"env_file '\.env'", 'T', 'PF3001-true-gitignored-env-no-example')
j(C, 'PF3003', r'src/go/.devcontainer', r'', 'T', 'PF3003-true-env-file-missing')

# ---------------- dotnet-architecture/eShopOnDapr
D = 'dotnet-architecture+eShopOnDapr'
j(D, 'PF1001', r'ProgramExtensions.cs', r"'ConnectionStrings:(CatalogDB|IdentityDB|OrderingDB)'", 'F', 'PF1001-dapr-secret-store-provider')
j(D, 'PF1004', r'appsettings\.Development\.json', r'', 'F', 'PF1004-local-dev-credentials')
j(D, 'PF6004', r'\.cs$', r'declares nothing', 'H', 'PF6004-namespace-only-file')
# ---------------- microsoft/dotnet-podcasts
N = 'microsoft+dotnet-podcasts'
j(N, 'PF1004', r'(docker-compose.override.yml|appsettings.Development.json)$', r'', 'F', 'PF1004-local-dev-credentials')
j(N, 'PF2004', r'Dockerfile', r'NuGet\.config', 'F', 'PF2004-nuget-config-default-feed-only')

PATTERNS = {}

# ---------------- judged after the precision work (issues 13, 17, 18): findings the baseline did not produce
j('aspnetrun+run-aspnetcore-microservices', 'PF2004', r'Dockerfile(\.original)?$', r'BuildingBlocks|Services/', 'H', 'PF2004-build-restores-again')
j(E, 'PF3001', r'src/docker-compose\.elk\.yml', r'elk/', 'T', 'PF3001-true-elk-folder-deleted')
j(E, 'PF3001', r'src/docker-compose\.prod\.yml', r'apigw', 'T', 'PF3001-true-missing-config-file')
j(E, 'PF3005', r'docker-compose(-windows)?\.prod\.yml|override\.windows\.yml', r'neither an image nor a build context', 'T', 'PF3005-true-overlay-service-without-base')
FD = 'mehdihadeli+food-delivery-microservices'
j(FD, 'PF3001', r'deployments/docker-compose/', r"dev\.Dockerfile", 'T', 'PF3001-true-renamed-dockerfile')
j(FD, 'PF3001', r'deployments/docker-compose/', r"\.env\.customers", 'T', 'PF3001-true-env-file-typo')
j(FD, 'PF3001', r'deployments/docker-compose/docker-compose\.yaml', r'prometheus\.yml', 'T', 'PF3001-true-missing-config-file')
j(FD, 'PF3005', r'deployments/docker-compose/', r'mounts undefined volume', 'T', 'PF3005-true-relative-mount-without-dot')
j(FD, 'PF5006', r'kustomize/', r'', 'T', 'PF5006-true-missing-kustomize-path')
j(FD, 'PF2004', r'Dockerfile', r'nuget\.config|Directory\.Build\.props', 'F', 'PF2004-config-found-walking-up')
j('oskardudycz+EventSourcing.NetCore', 'PF3007', r'^docker-compose\.yml$', r"'postgres'", 'T', 'PF3007-true-no-healthcheck')
j('vietnam-devs+coolstore-microservices', 'PF6002', r'DaprEventBus\.cs', r'SubscribeAsync', 'H', 'PF6002-unused-stub')
# The two PF1001 verdicts below record findings that the command-line keys and caller-chosen reads (issue 13 gaps) removed.
j('vietnam-devs+coolstore-microservices', 'PF1001', r'N8T\.Infrastructure/Logging/Extensions\.cs', r"'(App:Name|Logging:EsUrl)'", 'F', 'PF1001-library-read-behind-parameter-guard')
j('dotnet+tye', 'PF1001', r'src/tye-diag-agent/Program\.cs', r"'(assemblyName|service)'", 'F', 'PF1001-command-line-argument')
j('dotnet-architecture+eShopOnContainers', 'PF1004', r'docker-compose(-windows)?\.prod\.yml', r'', 'F', 'PF1004-local-dev-credentials')
j('dotnet-architecture+eShopOnContainers', 'PF5005', r'Dockerfile', r'8081|443', 'F', 'PF5005-template-expose-https-port')
# PF3008 for Kubernetes (issue 18, 5b), run on the six repositories with manifests (eShopOnContainers, eShopOnDapr, tye,
# food-delivery, practical-dapr, coolstore): no finding, and none expected. Their manifests set no connection string or
# database URL to localhost (food-delivery's infrastructure.yaml mentions localhost only in comments); eShopOnDapr's and
# the Helm charts are templates (not read), and every eShopOnDapr app pod has a Dapr sidecar (silent by design).
# No container image of a plain manifest is the image of a project of these repositories (coolstore's linkerd images
# are vndg/*-v3, its projects are named otherwise; tye's test assets' projects have no connection strings), so the
# appsettings part had nothing to read. Checked the other way: coolstore's plain linkerd manifests with a localhost
# connection string added in env (or in the appsettings of a project named like the image) give one PF3008 naming the
# Service 'sqlserver' (found through its selector), so the silence is not from not reading the files.

def guessed_context_holds(pattern, f):
    # A 'guessed context' verdict applies only while the message still names the Dockerfile's own folder as the
    # context (the baseline's guess); a later run that names another context gets no recorded verdict.
    if pattern != 'PF2001-guessed-context': return True
    m = re.search(r"build context '([^']*)'", f['message'])
    return bool(m) and m.group(1) == os.path.dirname(f['file'])  # filled from patterns.json if present

def main(res):
    rows = []
    unjudged = []
    for fn in sorted(os.listdir(res)):
        if not fn.endswith('.json') or fn == 'patterns.json': continue
        repo = fn[:-5]
        for f in json.load(open(os.path.join(res, fn)))['findings']:
            for (r, rule, fre, mre, v, p) in J:
                if r == repo and rule == f['ruleId'] and fre.search(f['file']) and mre.search(f['message']) \
                        and guessed_context_holds(p, f):
                    rows.append((repo, f['ruleId'], f['file'], f['line'], v, p, f['message'])); break
            else:
                unjudged.append((repo, f['ruleId'], f['file'], f['line'], f['message']))
    with open(os.path.join(res, 'judgements.tsv'), 'w') as o:
        o.write('repo\trule\tfile\tline\tverdict\tpattern\tmessage\n')
        for x in rows: o.write('\t'.join(map(str, x)).replace('\n', ' ') + '\n')
    per = collections.defaultdict(collections.Counter)
    for x in rows: per[x[1]][x[4]] += 1
    for x in unjudged: per[x[1]]['?'] += 1
    print(f"{'rule':<8}{'all':>6}{'T':>6}{'H':>6}{'F':>6}{'?':>6}  precision(T)  precision(T+H)")
    tot = collections.Counter()
    for rule in sorted(per):
        c = per[rule]; n = sum(c.values()); tot.update(c)
        judged = n - c['?']
        pt = f"{100*c['T']/judged:.0f}%" if judged else '-'
        ph = f"{100*(c['T']+c['H'])/judged:.0f}%" if judged else '-'
        print(f"{rule:<8}{n:>6}{c['T']:>6}{c['H']:>6}{c['F']:>6}{c['?']:>6}  {pt:>12}  {ph:>14}")
    n = sum(tot.values()); judged = n - tot['?']
    print(f"{'TOTAL':<8}{n:>6}{tot['T']:>6}{tot['H']:>6}{tot['F']:>6}{tot['?']:>6}  {100*tot['T']/max(judged,1):>11.0f}%  {100*(tot['T']+tot['H'])/max(judged,1):>13.0f}%")
    pc = collections.Counter((x[1], x[5], x[4]) for x in rows)
    print('\npatterns:')
    for (rule, p, v), c in sorted(pc.items()): print(f'  {rule} {v} {c:>4}  {p}')
    if unjudged:
        print(f'\nunjudged: {len(unjudged)}')
        byrepo = collections.Counter((u[0], u[1]) for u in unjudged)
        for k, c in sorted(byrepo.items()): print('  ', k, c)
def markdown(res):
    import csv
    rows = list(csv.DictReader(open(os.path.join(res, 'judgements.tsv')), delimiter='\t'))
    def table(key, label):
        c = collections.defaultdict(collections.Counter)
        for r in rows: c[r[key]][r['verdict']] += 1
        print(f'| {label} | findings | T | H | F | precision (T) | precision (T+H) |')
        print('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
        tot = collections.Counter()
        for k in sorted(c):
            v = c[k]; n = sum(v.values()); tot.update(v)
            print(f"| {k} | {n} | {v['T']} | {v['H']} | {v['F']} | {100*v['T']/n:.0f} % | {100*(v['T']+v['H'])/n:.0f} % |")
        n = sum(tot.values())
        print(f"| **total** | **{n}** | **{tot['T']}** | **{tot['H']}** | **{tot['F']}** | **{100*tot['T']/n:.0f} %** | **{100*(tot['T']+tot['H'])/n:.0f} %** |")
        print()
    table('rule', 'rule')
    table('repo', 'repository')

if __name__ == '__main__':
    main(sys.argv[1])
    if '--markdown' in sys.argv:
        print()
        markdown(sys.argv[1])
