using Microsoft.ML.Data;

namespace RelanceBot.Understanding.Classification;

/// <summary>A row ML.NET reads: the normalised text, the rules' evidence and, when training, the label.</summary>
internal sealed class ClassifierInput
{
    public string Text { get; set; } = "";

    /// <summary>The rules' score per intent (see <see cref="RuleEvidence"/>); read by the intent classifier only.</summary>
    [VectorType(RuleEvidence.Length)]
    public float[] Evidence { get; set; } = new float[RuleEvidence.Length];

    public string Label { get; set; } = "";
}
