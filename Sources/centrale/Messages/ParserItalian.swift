import Foundation

/// ArgumentParser's own words (its errors, the help's section titles and built-in flags), in
/// Italian: the parser writes them in English only, so its text is rewritten, pattern by pattern,
/// when the run is Italian. Our own texts in it (abstracts, option help, `ValidationError`s) are
/// already Italian (`localized(it:en:)`); what is not matched stays as ArgumentParser wrote it.
enum ParserItalian {
    /// (pattern, template): each pattern is anchored on ArgumentParser's fixed words.
    private static let rules: [(NSRegularExpression, String)] = [
        (#"^OVERVIEW:"#, "DESCRIZIONE:"), (#"^USAGE:"#, "USO:"), (#"^ARGUMENTS:"#, "ARGOMENTI:"),
        (#"^OPTIONS:"#, "OPZIONI:"), (#"^SUBCOMMANDS:"#, "SOTTOCOMANDI:"),
        (#"  See '(.*) help <subcommand>' for detailed help\."#, "  Vedi '$1 help <sottocomando>' per l'aiuto di un sottocomando."),
        (#"Show help information\."#, "Mostra questo aiuto."), (#"Show the version\."#, "Mostra la versione."),
        (#"\(values: "#, "(valori: "), (#"\(default: "#, "(predefinito: "),
        (#"^Error: "#, "Errore: "), (#"^Help:  "#, "Aiuto:  "), (#"^Usage: "#, "Uso: "),
        (#"^  See '(.*) --help' for more information\."#, "  Vedi '$1 --help' per maggiori informazioni."),
        (#"Missing expected argument '(.*)'"#, "Manca l'argomento richiesto '$1'"),
        (#"Missing one of: '(.*)'"#, "Manca uno tra: '$1'"),
        (#"Missing value for '(.*)'"#, "Manca il valore di '$1'"),
        (#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "Opzione sconosciuta '$1'. Forse intendevi '$2'?"),
        (#"Unknown option '([^']*)'"#, "Opzione sconosciuta '$1'"),
        (#"Unexpected argument '(.*)'"#, "Argomento inatteso '$1'"),
        (#"([0-9]+) unexpected arguments: "#, "$1 argomenti inattesi: "),
        (#"The value '(.*)' is invalid for '([^']*)'"#, "Il valore '$1' non è valido per '$2'"),
        (#"The value '(.*)' is invalid\."#, "Il valore '$1' non è valido."),
        (#"\. Please provide one of the following:"#, ". Indica uno dei seguenti:"),
        (#"\. Please provide one of "#, ". Indica uno tra "),
        (#"Invalid option: "#, "Opzione non valida: "),
        (#"Missing required subcommand\."#, "Manca il sottocomando."),
    ].map { (try! NSRegularExpression(pattern: $0.0, options: [.anchorsMatchLines]), $0.1) }

    /// `text` with ArgumentParser's words in Italian.
    static func translate(_ text: String) -> String {
        rules.reduce(text) { text, rule in
            rule.0.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: rule.1)
        }
    }
}
