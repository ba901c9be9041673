using System.Net;
using CampaignHub.Testing;
using CampaignHub.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampaignHub.FunctionalTests.Components.Layout;

/// <summary>The admin pages as a browser gets them: open to admins, listed in their menu, closed to everyone else.</summary>
public sealed class AdminMenuTests(CampaignHubAppFactory factory) : IClassFixture<CampaignHubAppFactory>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/admin/campaigns", "活动项目" },
        { "/admin/campaigns/new", "新建活动项目" },
        { "/admin/units", "参与单位" },
        { "/admin/organisations", "机构与场地" },
        { "/admin/metrics", "指标目录" },
        { "/admin/users", "用户与角色" },
        { "/admin/audit", "审计日志" },
    };

    private async Task<HttpClient> SignedInAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.campaignhub.local";
        await factory.CreateUserAsync(email, role);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, email, TestData.Password);
        return client;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Admins_open_every_admin_page(string path, string heading)
    {
        var client = await SignedInAsync(Roles.Admin);

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($">{heading}</h1>");
        html.ShouldNotContain("AccessDenied");
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Staff)]
    public async Task Coordinators_and_staff_are_refused_the_admin_pages_and_do_not_see_the_menu(string role)
    {
        var client = await SignedInAsync(role);

        foreach (var path in Pages.Select(row => (string)row[0]))
        {
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied", path);
        }

        (await client.GetStringAsync("/")).ShouldNotContain("系统管理");
    }

    [Fact]
    public async Task Admins_see_the_administration_menu()
    {
        var client = await SignedInAsync(Roles.Admin);

        var home = await client.GetStringAsync("/");

        home.ShouldContain("系统管理");
        home.ShouldContain("href=\"/admin/audit\"");
    }
}
