using CampaignHub.Web.Domain;
using Microsoft.Extensions.Localization;

namespace CampaignHub.Web.Features.Common;

/// <summary>
/// The localised name of any domain enum value, from the resource key of its stable code (<c>EventKind_free_clinic</c>,
/// <c>Organisations_Kind_hospital</c>, ...). For pages and for records shown generically, such as the audit trail.
/// </summary>
public static class CodeTexts
{
    // Most enums use their type name as the key's prefix; these were named after their page first.
    private static readonly Dictionary<Type, string> Prefixes = new()
    {
        [typeof(OrganisationKind)] = "Organisations_Kind",
        [typeof(MetricGroup)] = "Metrics_Group",
    };

    public static string Name<TEnum>(IStringLocalizer localizer, TEnum value)
        where TEnum : struct, Enum =>
        localizer[$"{Prefix(typeof(TEnum))}_{Codes<TEnum>.Of(value)}"];

    /// <summary>The value's name when its type is known only at run time; its code when the resources have no name.</summary>
    public static string Name(IStringLocalizer localizer, Enum value)
    {
        var code = (string)typeof(Codes<>).MakeGenericType(value.GetType()).GetMethod(nameof(Codes<EventKind>.Of))!.Invoke(null, [value])!;
        var text = localizer[$"{Prefix(value.GetType())}_{code}"];
        return text.ResourceNotFound ? code : text;
    }

    private static string Prefix(Type type) => Prefixes.GetValueOrDefault(type, type.Name);
}
