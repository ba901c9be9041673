using CampaignHub.Testing;

namespace CampaignHub.FunctionalTests;

/// <summary>The real app with demo data on (Seed:Demo), as Development runs it.</summary>
public sealed class ShanxiDemoAppFactory : CampaignHubAppFactory
{
    public const string DemoPassword = "Demo-Password-2021";

    public ShanxiDemoAppFactory()
    {
        Settings["Seed:Demo"] = "true";
        Settings["Seed:DemoPassword"] = DemoPassword;
    }
}
