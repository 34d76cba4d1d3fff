namespace RelanceBot.Understanding.Classification;

/// <summary>What ML.NET writes back: one probability per label.</summary>
internal sealed class ClassifierOutput
{
    public float[] Score { get; set; } = [];
}
