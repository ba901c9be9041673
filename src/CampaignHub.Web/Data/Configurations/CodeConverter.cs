using CampaignHub.Web.Domain;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CampaignHub.Web.Data.Configurations;

/// <summary>Stores an enum as its stable snake_case code, readable in the database and immune to member reordering.</summary>
internal sealed class CodeConverter<TEnum>() : ValueConverter<TEnum, string>(v => Codes<TEnum>.Of(v), v => Codes<TEnum>.Parse(v))
    where TEnum : struct, Enum;
