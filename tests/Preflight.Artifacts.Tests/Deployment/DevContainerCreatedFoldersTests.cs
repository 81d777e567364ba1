using Preflight.Artifacts.Deployment;
using Xunit;

namespace Preflight.Artifacts.Tests.Deployment;

public class DevContainerCreatedFoldersTests
{
    [Fact]
    public void A_shell_line_s_mkdir_folders_resolve_from_the_folder_holding_dot_devcontainer()
    {
        var folders = DevContainerCreatedFolders.Read("/repo/.devcontainer/dev/devcontainer.json",
            "{ /* jsonc */ \"initializeCommand\": \"mkdir -p -m 755 dev/.data dev/helpers && echo done; mkdir x/${USER} ~/cache /tmp/abs ../up\", }");

        Assert.Equal(new[] { "/repo/dev/.data", "/repo/dev/helpers" }, folders);
    }

    [Fact]
    public void Array_and_object_forms_are_commands_too()
    {
        Assert.Equal(new[] { "/repo/data" },
            DevContainerCreatedFolders.Read("/repo/.devcontainer/devcontainer.json", "{\"initializeCommand\": [\"mkdir\", \"-p\", \"data\"]}"));
        Assert.Equal(new[] { "/repo/sub/a", "/repo/sub/b" },
            DevContainerCreatedFolders.Read("/repo/sub/.devcontainer.json", "{\"initializeCommand\": {\"one\": \"mkdir a\", \"two\": [\"mkdir\", \"b\"]}}"));
    }

    [Fact]
    public void Other_files_broken_json_and_other_commands_create_nothing()
    {
        Assert.Empty(DevContainerCreatedFolders.Read("/repo/config/devcontainer.json", "{\"initializeCommand\": \"mkdir data\"}"));
        Assert.Empty(DevContainerCreatedFolders.Read("/repo/.devcontainer/devcontainer.json", "{\"initializeCommand\": \"mkdir data"));
        Assert.Empty(DevContainerCreatedFolders.Read("/repo/.devcontainer/devcontainer.json", "{\"postCreateCommand\": \"mkdir data\", \"initializeCommand\": \"touch data\"}"));
    }

    [Fact]
    public void A_path_under_a_created_folder_is_created()
    {
        var folders = new[] { "/repo/dev/.data" };

        Assert.True(DevContainerCreatedFolders.IsCreated("/repo/dev/.data", folders));
        Assert.True(DevContainerCreatedFolders.IsCreated("/repo/dev/.data/keys", folders));
        Assert.False(DevContainerCreatedFolders.IsCreated("/repo/dev/.database", folders));
    }
}
