using Preflight.Artifacts.Deployment;
using Xunit;

namespace Preflight.Artifacts.Tests.Deployment;

/// <summary>One list of local hosts for PF1004 (local set-up) and PF3008 (a container's own loopback).</summary>
public class LocalHostsTests
{
    [Theory]
    [InlineData("localhost", true, true)]
    [InlineData("LOCALHOST", true, true)]
    [InlineData("127.0.0.1", true, true)]
    [InlineData("[::1]", true, true)]
    [InlineData("(local)", true, true)]
    [InlineData("127.0.0.2", false, true)]
    [InlineData("api.localhost", false, true)]
    [InlineData("host.docker.internal", false, true)]
    [InlineData("(localdb)", false, true)]
    [InlineData("0.0.0.0", false, true)]
    [InlineData("db", false, false)]
    [InlineData("db.example.com", false, false)]
    [InlineData("127.0.0", false, false)]
    [InlineData("", false, false)]
    public void The_developer_s_machine_is_local_but_only_the_loopback_is_the_container_itself(string host, bool loopback, bool local)
    {
        Assert.Equal(loopback, LocalHosts.IsLoopback(host));
        Assert.Equal(local, LocalHosts.IsLocal(host));
    }

    [Theory]
    [InlineData("Server", true)]
    [InlineData("data source", true)]
    [InlineData(" Host ", true)]
    [InlineData("ServerName", true)]
    [InlineData("Database", false)]
    [InlineData("User Id", false)]
    public void Connection_string_keys_that_name_the_server(string key, bool isHost)
    {
        Assert.Equal(isHost, LocalHosts.IsHostKey(key));
    }
}
