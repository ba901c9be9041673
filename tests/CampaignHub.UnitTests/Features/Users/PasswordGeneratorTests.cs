using CampaignHub.Web.Domain;
using CampaignHub.Web.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace CampaignHub.UnitTests.Features.Users;

public sealed class PasswordGeneratorTests
{
    [Fact]
    public async Task Generated_passwords_satisfy_identitys_policy_and_differ()
    {
        var validator = new PasswordValidator<ApplicationUser>();
        var options = new IdentityOptions();
        options.Password.RequiredLength = 8;
        var manager = new UserManager<ApplicationUser>(new NoStore(), Microsoft.Extensions.Options.Options.Create(options),
            null!, null!, null!, null!, null!, null!, null!);

        var passwords = Enumerable.Range(0, 200).Select(_ => PasswordGenerator.Generate()).ToList();

        passwords.Distinct().Count().ShouldBe(passwords.Count);
        foreach (var password in passwords)
        {
            password.Length.ShouldBe(20);
            (await validator.ValidateAsync(manager, new ApplicationUser(), password)).Succeeded.ShouldBeTrue(password);
        }
    }

    private sealed class NoStore : IUserStore<ApplicationUser>
    {
        public void Dispose() { }
        public Task<string> GetUserIdAsync(ApplicationUser user, CancellationToken ct) => Task.FromResult(user.Id);
        public Task<string?> GetUserNameAsync(ApplicationUser user, CancellationToken ct) => Task.FromResult(user.UserName);
        public Task SetUserNameAsync(ApplicationUser user, string? userName, CancellationToken ct) => Task.CompletedTask;
        public Task<string?> GetNormalizedUserNameAsync(ApplicationUser user, CancellationToken ct) => Task.FromResult(user.NormalizedUserName);
        public Task SetNormalizedUserNameAsync(ApplicationUser user, string? normalizedName, CancellationToken ct) => Task.CompletedTask;
        public Task<IdentityResult> CreateAsync(ApplicationUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<IdentityResult> UpdateAsync(ApplicationUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<IdentityResult> DeleteAsync(ApplicationUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<ApplicationUser?> FindByIdAsync(string userId, CancellationToken ct) => Task.FromResult<ApplicationUser?>(null);
        public Task<ApplicationUser?> FindByNameAsync(string normalizedUserName, CancellationToken ct) => Task.FromResult<ApplicationUser?>(null);
    }
}
