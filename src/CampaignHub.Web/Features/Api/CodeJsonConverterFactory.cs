using System.Text.Json;
using System.Text.Json.Serialization;
using CampaignHub.Web.Domain;

namespace CampaignHub.Web.Features.Api;

/// <summary>
/// Every domain enum travels in JSON as its stable code (<see cref="Codes{TEnum}"/>: <c>FreeClinic</c> ↔
/// <c>free_clinic</c>), so records can carry enums for the UI while the API keeps the codes of PRODUCT.md.
/// An unknown code is a JSON error, which the API answers as a field error.
/// </summary>
public sealed class CodeJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum && typeToConvert.Namespace == typeof(EventKind).Namespace;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(CodeConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class CodeConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && Codes<TEnum>.TryParse(reader.GetString(), out var value)
                ? value
                : throw new JsonException($"Expected one of: {string.Join(", ", Codes<TEnum>.All)}.");

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Codes<TEnum>.Of(value));
    }
}
