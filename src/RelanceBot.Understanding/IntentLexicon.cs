namespace RelanceBot.Understanding;

/// <summary>
/// The evidence for each intent, as data. Words are in normalised form (see <see cref="TextNormalizer"/>):
/// lower-case, no accents, elisions split ("m ecrire"), SMS spellings expanded.
/// Weights: 3 is a phrase that settles the intent on its own, 1-2 is a hint, under 1 a tie-breaker.
/// Stop and TalkToHuman weigh more so that they outrank anything said alongside them.
/// </summary>
internal static class IntentLexicon
{
    public static IReadOnlyList<LexiconEntry> Entries { get; } =
    [
        // An opt-out must always win: it is a legal obligation, whatever else the message says.
        .. Polar(Intent.Stop, 6,
            "stop", "arretez", "arreter", "cessez", "desinscri*", "desabonn*", "unsubscribe", "harcel*",
            "laissez tranquille", "laisse tranquille", "foutez paix", "fichez paix", "ca suffit",
            "plus de sms", "plus de message*", "envoyez plus", "ecrivez plus", "contactez plus", "contacter plus",
            "relancez plus", "veux plus recevoir", "veux plus message*", "veux plus sms", "supprimez numero", "supprimer numero",
            "leave alone", "do not text", "do not contact", "do not message", "no more messages", "opt out", "remove number"),
        .. Polar(Intent.TalkToHuman, 4, "robot", "vraie personne", "real person"),
        .. Phrases(Intent.TalkToHuman, 4,
            "parler", "appelez", "appeler", "appelle", "rappelez", "rappeler", "telephon*", "humain", "conseiller",
            "secretaire", "responsable", "agent", "contactez moi", "contacter", "en contact", "joindre", "vive voix",
            "call me", "call back", "talk", "speak", "human", "operator", "phone"),
        .. Phrases(Intent.TalkToHuman, 2, "quelqu un", "someone"),

        .. Polar(Intent.Hardship, 3,
            "chomage", "chomeur", "sans emploi", "sans travail", "pas moyens", "plus moyens", "difficult*", "difficile",
            "plus argent", "pas argent", "sans argent", "peux pas payer", "pourrai pas payer", "peux rien payer",
            "arrive pas payer", "galere*", "fauche*", "rsa", "smic", "minimum", "sans ressources", "sans revenu*",
            "sans salaire", "decouvert", "surendett*", "dette*", "compte zero", "perdu travail", "perdu emploi",
            "perdu boulot", "financier*", "precaire", "precarite", "arret maladie", "un rond", "pauvre",
            "afford", "lost job", "no money", "broke", "unemployed", "financial*", "struggling"),
        .. Polar(Intent.Hardship, 4, "impossible payer", "fin mois difficile"),
        .. Polar(Intent.Hardship, 2, "impossible"),

        .. Phrases(Intent.Dispute, 4, "contest*", "erron*", "dispute", "double factur*"),
        .. Phrases(Intent.Dispute, 3,
            "tiers payant", "pris en charge", "prise en charge", "erreur", "faux", "fausse", "tromp*", "trop cher",
            "annul*", "pas venu", "refuse", "depassement", "abusif", "wrong", "mistake", "incorrect"),
        .. Polar(Intent.Dispute, 3,
            "pas moi", "dois rien", "pas d accord", "jamais eu", "jamais venu", "jamais ete", "etais pas",
            "reconnais pas", "pas normal", "not mine", "not my", "never had", "never been"),
        .. Phrases(Intent.Dispute, 2, "mutuelle", "secu", "securite sociale", "cpam", "ameli", "assurance", "insurance", "rembours*"),

        .. Phrases(Intent.AlreadyPaid, 4, "deja pay*", "deja regl*", "paiement effectue", "acquitt*"),
        .. Phrases(Intent.AlreadyPaid, 3,
            "ai pay*", "ai regl*", "ai fait virement", "ai envoye cheque", "est regle", "est pay*", "virement parti",
            "encaiss*", "recevoir paiement", "avoir pay*", "c est fait", "deja fait",
            "already", "paid", "have paid", "sent cheque", "sent check", "was made"),
        .. Phrases(Intent.AlreadyPaid, 2, "deja", "ai envoye", "effectue", "est parti"),

        .. Phrases(Intent.Installments, 4,
            "plusieurs fois", "echelonn*", "etaler", "etalement", "echeancier", "fractionn*", "plan paiement",
            "petit petit", "installment*", "instalment*", "payment plan"),
        .. Phrases(Intent.Installments, 3, "mensualit*", "versements", "etale", "moitie", "par mois", "chaque mois", "split", "spread", "monthly"),
        .. Phrases(Intent.Installments, 2, "versement", "echeance*", "le reste", "parts", "a month"),
        .. Phrases(Intent.Installments, 1, "fois"),

        .. Phrases(Intent.Defer, 3,
            "plus tard", "delai", "patienter", "quand serai paye", "apres paie", "ma paie", "ma paye", "quelques jours",
            "plus de temps", "more time", "later", "get paid", "payday"),
        .. Polar(Intent.Defer, 3, "pas maintenant", "not now"),
        .. Polar(Intent.Defer, 2, "pas possible"),
        .. Phrases(Intent.Defer, 2, "attendre", "paierai", "payerai", "reglerai", "pourrai payer", "pourrai regler", "salaire", "mon retour"),
        .. Phrases(Intent.Defer, 1.5, "attends", "will pay", "des que", "vacances"),

        .. Phrases(Intent.PayNow, 3, "lien", "link", "payer maintenant", "comment pay*", "comment pai*", "comment regl*",
            "payer en ligne", "pay now", "how pay"),
        .. Phrases(Intent.PayNow, 2, "maintenant", "tout de suite", "de suite", "immediatement", "vais payer", "vais regler",
            "veux payer", "veux regler", "souhaite payer", "souhaite regler", "voudrais payer", "voudrais regler",
            "en ligne", "rib", "totalite", "une fois", "where pay", "ou payer"),
        .. Phrases(Intent.PayNow, 1.5, "je paie", "je paye", "je regle", "peux payer", "par carte", "direct", "card"),
        .. Phrases(Intent.PayNow, 1, "carte", "virement", "aujourd hui", "pay"),
        .. Phrases(Intent.PayNow, 0.5, "payer", "regler", "paiement"),

        .. Phrases(Intent.InvoiceDetails, 3,
            "combien", "quel montant", "detail*", "c est quoi", "pour quoi", "correspond", "copie", "duplicata",
            "numero facture", "quelle facture", "de quand", "s agit", "envoyez facture", "renvoyez facture",
            "besoin facture", "how much", "owe", "what for", "copy", "which appointment", "quel rendez vous",
            "quelle consultation"),
        .. Polar(Intent.InvoiceDetails, 3, "comprends pas", "comprend pas"),
        .. Phrases(Intent.InvoiceDetails, 2, "what is", "pour quel", "quoi"),
        .. Phrases(Intent.InvoiceDetails, 1.5, "montant"),
        .. Phrases(Intent.InvoiceDetails, 1, "facture", "bill", "invoice"),

        .. Phrases(Intent.Greeting, 1,
            "bonjour", "bonsoir", "salut", "coucou", "hello", "hey", "hi", "allo",
            "good morning", "good evening", "good afternoon"),
    ];

    /// <summary>Phrases a negation cancels ("je ne conteste pas"), unless they spell one out themselves.</summary>
    private static IEnumerable<LexiconEntry> Phrases(Intent intent, double weight, params string[] phrases) =>
        phrases.Select(phrase => new LexiconEntry(intent, weight, phrase, IgnoresNegation: ContainsNegator(phrase)));

    /// <summary>Phrases whose meaning survives a negation: hardship and opt-outs are usually said with one.</summary>
    private static IEnumerable<LexiconEntry> Polar(Intent intent, double weight, params string[] phrases) =>
        phrases.Select(phrase => new LexiconEntry(intent, weight, phrase, IgnoresNegation: true));

    private static bool ContainsNegator(string phrase) => phrase.Split(' ').Any(Negation.IsNegator);
}
