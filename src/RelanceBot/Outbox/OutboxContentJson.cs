using System.Text.Json;
using System.Text.Json.Serialization;

namespace RelanceBot.Outbox;

/// <summary>
/// How <see cref="OutboxContent"/> is stored: web defaults, with serialization code generated at build time (a sweep
/// stores thousands of messages, the dispatcher reads them back one by one).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OutboxContent))]
internal sealed partial class OutboxContentJson : JsonSerializerContext;
