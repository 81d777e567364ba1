using System.Collections.Generic;
using System.Xml.Linq;
using Preflight.Artifacts.Repository;
using Xunit;

namespace Preflight.Artifacts.Tests.Repository;

public class ProjectPropertiesTests
{
    private static readonly XElement Project = XElement.Parse("""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <AssemblyName>Orders.Api</AssemblyName>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <NoWarn Condition="'$(CI)' == 'true'">PF2001</NoWarn>
          </PropertyGroup>
          <PropertyGroup Condition="'$(Configuration)' == 'Release'">
            <AssemblyName>Orders.Api.Release</AssemblyName>
          </PropertyGroup>
          <PropertyGroup>
            <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
          </PropertyGroup>
        </Project>
        """);

    [Fact]
    public void Definite_properties_leave_out_every_conditioned_value_and_the_last_one_wins()
    {
        var properties = new Dictionary<string, string>();

        ProjectProperties.AddDefinite(Project, properties);

        Assert.Equal("Orders.Api", properties["AssemblyName"]);
        Assert.Equal("false", properties["TreatWarningsAsErrors"]);
        Assert.False(properties.ContainsKey("NoWarn"));
    }

    [Fact]
    public void Possible_values_include_those_under_a_condition_in_document_order()
    {
        Assert.Equal(new[] { "Orders.Api", "Orders.Api.Release" }, ProjectProperties.Possible(Project, "AssemblyName"));
        Assert.Equal(new[] { "PF2001" }, ProjectProperties.Possible(Project, "NoWarn"));
        Assert.Empty(ProjectProperties.Possible(null, "AssemblyName"));
    }
}
