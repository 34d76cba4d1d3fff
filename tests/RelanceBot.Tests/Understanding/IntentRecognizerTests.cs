using RelanceBot.Understanding;

namespace RelanceBot.Tests.Understanding;

public sealed class IntentRecognizerTests
{
    private static readonly RecognitionContext Context = new(IntentCorpus.Today);
    private static readonly IntentRecognizer recognizer = new();

    private Recognition Recognize(string text) => recognizer.Recognize(text, Context);

    [Theory]
    [InlineData("c'est la mutuelle qui doit payer", Intent.Dispute)]
    [InlineData("je suis au chômage, je ne peux pas payer", Intent.Hardship)]
    [InlineData("combien je dois ?", Intent.InvoiceDetails)]
    [InlineData("c'est pour quoi cette facture", Intent.InvoiceDetails)]
    [InlineData("je veux parler à quelqu'un", Intent.TalkToHuman)]
    [InlineData("appelez-moi", Intent.TalkToHuman)]
    [InlineData("arrêtez de m'écrire", Intent.Stop)]
    [InlineData("désinscription", Intent.Stop)]
    [InlineData("stop sms", Intent.Stop)]
    [InlineData("STOP", Intent.Stop)]
    [InlineData("ok je paie", Intent.PayNow)]
    [InlineData("envoyez le lien", Intent.PayNow)]
    [InlineData("bonjour", Intent.Greeting)]
    [InlineData("jpeux payer en 3 fois ?", Intent.Installments)]
    [InlineData("j'ai deja payé par cheque", Intent.AlreadyPaid)]
    public void Recognize_ExamplesFromTheBrief_GiveTheirIntent(string text, Intent expected) =>
        Recognize(text).Intent.ShouldBe(expected);

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("")]
    [InlineData("   ")]
    public void Recognize_MenuNumbersAndEmptyText_AreOtherWithNoConfidence(string text)
    {
        var recognition = Recognize(text);

        recognition.Intent.ShouldBe(Intent.Other);
        recognition.Confidence.ShouldBe(0);
    }

    [Fact]
    public void Recognize_NotYetPaidButAskingForTheLink_IsPayNowNotAlreadyPaid() =>
        Recognize("je n'ai pas encore payé, envoyez le lien").Intent.ShouldBe(Intent.PayNow);

    [Fact]
    public void Recognize_NegatedDispute_IsNotDispute() =>
        Recognize("je ne conteste pas, je vais payer").Intent.ShouldBe(Intent.PayNow);

    [Fact]
    public void Recognize_EnglishNegation_CancelsAlreadyPaid() =>
        Recognize("I haven't paid yet, send me the link").Intent.ShouldBe(Intent.PayNow);

    [Theory]
    [InlineData("👍")]
    [InlineData("🙏🙏")]
    [InlineData("d'accord merci")]
    public void Recognize_AcknowledgementsAndPictographs_AreGreetings(string text) =>
        Recognize(text).Intent.ShouldBe(Intent.Greeting);

    [Fact]
    public void Recognize_StopAlongsideAPromise_ActsOnThePromiseAndRecordsTheStop()
    {
        var recognition = Recognize("je paierai le 5 mais arrêtez de m'écrire");

        recognition.Intent.ShouldBe(Intent.Defer);
        recognition.StopRequested.ShouldBeTrue();
    }

    [Fact]
    public void Recognize_APromiseAlone_IsNoStop() =>
        Recognize("je paierai le 5").StopRequested.ShouldBeFalse();

    [Fact]
    public void Recognize_MoneyTroubleBesideAnotherRequest_IsFlagged()
    {
        var recognition = Recognize("je suis au chômage, je peux payer en 3 fois ?");

        recognition.Intent.ShouldBe(Intent.Installments);
        recognition.HardshipMentioned.ShouldBeTrue();
    }

    [Theory]
    [InlineData("je paierai quand la mutuelle m'aura remboursé", Intent.Defer)]
    [InlineData("déjà réglé par chèque à la secrétaire", Intent.AlreadyPaid)]
    [InlineData("c'est la mutuelle qui devait payer ça", Intent.Dispute)]
    [InlineData("merci", Intent.Greeting)]
    [InlineData("ok", Intent.Greeting)]
    public void Recognize_TheMisreadingsTheIssueReported_AreReadRight(string text, Intent expected) =>
        Recognize(text).Intent.ShouldBe(expected);

    [Theory]
    [InlineData("I will pay tomorrow, thanks", "en")]
    [InlineData("je vous règle demain sans faute", "fr")]
    [InlineData("pago mañana, gracias", "es")]
    public void Recognize_TheLanguageOfAReply_IsTold(string text, string language) =>
        Recognize(text).Language.ShouldBe(language);

    [Fact]
    public void Recognize_TypoInAKeyword_IsForgiven() =>
        Recognize("je voudrais un echeancer").Intent.ShouldBe(Intent.Installments);

    [Fact]
    public void Recognize_EmphasisedLetters_AreCollapsed() =>
        Recognize("stooooop").Intent.ShouldBe(Intent.Stop);

    [Fact]
    public void Recognize_EventWithoutDate_IsDeferWithThePhraseAndNoDate()
    {
        var recognition = Recognize("je paierai quand je serai payé");

        recognition.Intent.ShouldBe(Intent.Defer);
        recognition.PromisedDate.ShouldBeNull();
        recognition.DeferPhrase.ShouldBe("quand je serai paye");
    }

    [Fact]
    public void Recognize_InstallmentsRequest_CarriesTheCount()
    {
        var recognition = Recognize("est ce que je peux payer en trois fois");

        recognition.Intent.ShouldBe(Intent.Installments);
        recognition.InstallmentCount.ShouldBe(3);
    }

    [Theory]
    [InlineData("je paie par carte", PaymentMethod.Card)]
    [InlineData("je peux payer par cb ?", PaymentMethod.Card)]
    [InlineData("j'ai envoyé un chèque", PaymentMethod.Cheque)]
    [InlineData("j'ai fait un virement", PaymentMethod.BankTransfer)]
    [InlineData("j'ai payé en espèces", PaymentMethod.Cash)]
    public void Recognize_MentionedMeansOfPayment_IsExtracted(string text, PaymentMethod expected) =>
        Recognize(text).PaymentMethod.ShouldBe(expected);

    [Fact]
    public void Recognize_CarteVitale_IsNotAMeansOfPayment() =>
        Recognize("j'ai donné ma carte vitale").PaymentMethod.ShouldBeNull();

    [Fact]
    public void Recognize_ClearRequest_IsConfident() =>
        Recognize("arrêtez de m'écrire").IsConfident.ShouldBeTrue();

    [Theory]
    [InlineData("PLAN")]
    [InlineData("plan svp")]
    public void Recognize_TheFormalReminderKeyword_AsksForAPlan(string text) =>
        Recognize(text).Intent.ShouldBe(Intent.Installments);
}
