import ArgumentParser
import CentraleFormats
import CentraleRendering
import Foundation

/// The options every command with a database accepts: the database, the operator and the language.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(localized(it: "Il file della base dati (predefinito: $CENTRALE_DB, altrimenti centrale.sqlite).",
                                                      en: "The database file (default: $CENTRALE_DB, else centrale.sqlite)."),
                                            valueName: localized(it: "percorso", en: "path")))
    var db: String?

    @Option(name: .customLong("operator"),
            help: ArgumentHelp(localized(it: "Chi fa le modifiche, come compare nello storico delle modifiche (predefinito: $CENTRALE_OPERATOR, altrimenti il nome di accesso).",
                                         en: "Who makes the changes, for the audit trail (default: $CENTRALE_OPERATOR, else the login name)."),
                               valueName: localized(it: "nome", en: "name")))
    var operatorName: String?

    @Option(help: ArgumentHelp(localized(it: "La lingua dei testi (predefinita: $CENTRALE_LANG, altrimenti it).",
                                         en: "The language of labels (default: $CENTRALE_LANG, else it)."),
                               valueName: "it|en"))
    var lang: Language?

    /// The values given on the command line, for the context of the run.
    var settings: Settings { Settings(db: db, operatorName: operatorName, lang: lang) }
}

/// The shared options' values, as given (nil: not given, the environment or the default decides).
struct Settings: Sendable {
    var db: String?
    var operatorName: String?
    var lang: Language?
}


/// No operator could be named for a write.
struct OperatorUnknown: Error, Message {
    var italian: String {
        "nessun operatore indicato, e ogni modifica nomina chi l'ha fatta: indica --operator NOME o imposta CENTRALE_OPERATOR; non è stato scritto nulla."
    }
    var english: String {
        "no operator is known, and every change names who made it: give --operator NAME or set CENTRALE_OPERATOR; nothing was written."
    }
}
